/** The consent items the sandbox mints tokens for (contract 2.3). */
export const SCOPES = [
  'talk_calendar',
  'talk_calendar_task',
  'talk_message',
  'friends',
  'plusfriends',
] as const;

export type Scope = (typeof SCOPES)[number];

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

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
} as const satisfies Record<string, { scope: Scope; apiType: string }>;

export type ApiFamily = keyof typeof API_SCOPES;
