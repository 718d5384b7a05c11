/** The API consent items the sandbox mints tokens for by default (contract 2.3). */
export const SCOPES = [
  'talk_calendar',
  'talk_calendar_task',
  'talk_message',
  'friends',
  'plusfriends',
] as const;

/** Kakao Login's own consent items (2.3): an app enables the ones it may ask for. */
export const LOGIN_CONSENT_ITEMS = [
  'profile_nickname',
  'profile_image',
  'account_email',
  'openid',
] as const;

export type ApiScope = (typeof SCOPES)[number];
export type LoginConsentItem = (typeof LOGIN_CONSENT_ITEMS)[number];
export type Scope = ApiScope | LoginConsentItem;

/** Every consent item in a stable order (the order a token's `scope` lists them in). */
export const ALL_CONSENT_ITEMS: readonly Scope[] = [...SCOPES, ...LOGIN_CONSENT_ITEMS];

/** What a new app enables when its creator names nothing: the profile items most apps ask for. */
export const DEFAULT_LOGIN_CONSENT_ITEMS: readonly LoginConsentItem[] = [
  'profile_nickname',
  'profile_image',
];

const SCOPE_SET: ReadonlySet<string> = new Set(ALL_CONSENT_ITEMS);
const LOGIN_ITEM_SET: ReadonlySet<string> = new Set(LOGIN_CONSENT_ITEMS);

export function isLoginConsentItem(value: string): value is LoginConsentItem {
  return LOGIN_ITEM_SET.has(value);
}

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}

/** Which consent item each API family needs and the `api_type` named in a `-402` answer. */
export const API_SCOPES = {
  talkCalendar: { scope: 'talk_calendar', apiType: 'TALK_CALENDAR' },
  talkCalendarTask: { scope: 'talk_calendar_task', apiType: 'TALK_CALENDAR_TASK' },
  talkMessage: { scope: 'talk_message', apiType: 'TALK_MESSAGE' },
  friends: { scope: 'friends', apiType: 'FRIENDS' },
  talkChannel: { scope: 'plusfriends', apiType: 'TALK_CHANNEL' },
} as const satisfies Record<string, { scope: ApiScope; apiType: string }>;

export type ApiFamily = keyof typeof API_SCOPES;

/** The Kakao Login consent items an app enabled (state saved before they existed: the default). */
export function loginConsentItemsOf(app: {
  loginConsentItems?: readonly LoginConsentItem[];
}): readonly LoginConsentItem[] {
  return app.loginConsentItems ?? DEFAULT_LOGIN_CONSENT_ITEMS;
}
