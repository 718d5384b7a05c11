import { type Campaign } from '@admin/campaigns/types';

/** The `calendar` object of Kakao Talk Share (JavaScript SDK), in the SDK's camelCase. */
export interface CalendarShareObject {
  objectType: 'calendar';
  idType: 'event';
  id: string;
  content: {
    title: string;
    description?: string;
    imageUrl?: string;
    link: { webUrl?: string; mobileWebUrl?: string };
  };
  buttons?: { title: string; link: { webUrl?: string; mobileWebUrl?: string } }[];
}

export type ShareProblem = 'needs_event' | 'needs_link';

export type ShareSnippet =
  { ok: true; object: CalendarShareObject; code: string } | { ok: false; problems: ShareProblem[] };

/** Kakao shows the title and description in at most four lines. */
const DESCRIPTION_LINES = 4;

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined && member !== ''),
  ) as T;
}

/** JSON that is also safe inside an HTML `<script>` element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `Kakao.Share.sendDefault(...)` for a published campaign: the public event (`idType: 'event'`,
 * `id` = Kakao's event id), its title, description and banner image, the link people land on, and
 * the reminder button as the one custom button Kakao allows.
 */
export function shareSnippet(campaign: Pick<Campaign, 'kakaoEventId' | 'content'>): ShareSnippet {
  const { content } = campaign;
  const banner = content.banner ?? {};
  const button = content.reminderButton;
  const link = defined({
    webUrl: banner.webUrl ?? button?.webUrl,
    mobileWebUrl: banner.mobileWebUrl ?? button?.mobileWebUrl,
  });
  const problems: ShareProblem[] = [];
  if (!campaign.kakaoEventId) {
    problems.push('needs_event');
  }
  if (Object.keys(link).length === 0) {
    problems.push('needs_link');
  }
  if (!campaign.kakaoEventId || problems.length > 0) {
    return { ok: false, problems };
  }
  const description = content.description
    ?.split('\n')
    .slice(0, DESCRIPTION_LINES)
    .join('\n')
    .trim();
  const object: CalendarShareObject = {
    objectType: 'calendar',
    idType: 'event',
    id: campaign.kakaoEventId,
    content: defined({
      title: content.title,
      description: description || undefined,
      imageUrl: banner.mobileImageUrl ?? banner.pcImageUrl,
      link,
    }),
  };
  if (button && (button.webUrl || button.mobileWebUrl)) {
    object.buttons = [
      {
        title: button.title,
        link: defined({ webUrl: button.webUrl, mobileWebUrl: button.mobileWebUrl }),
      },
    ];
  }
  return { ok: true, object, code: `Kakao.Share.sendDefault(${scriptSafeJson(object)});\n` };
}
