import { escapeHtml, publicPage } from '@app/common';

export interface LandingContent {
  title: string;
  description: string | null;
  imageUrl: string | null;
  /** `event`: add the public event to the calendar; `calendar`: subscribe to it. */
  action: 'follow' | 'subscribe';
  actionPath: string;
  continueUrl: string | null;
}

export type LandingOutcome = 'done' | 'needs_consent' | 'kakao_failed' | undefined;

const ACTION_LABEL = {
  follow: ['톡캘린더에 추가', 'Add to my Talk Calendar'],
  subscribe: ['캘린더 구독하기', 'Subscribe to the calendar'],
} as const;

const OUTCOME_TEXT: Record<Exclude<LandingOutcome, undefined>, [string, string]> = {
  done: ['톡캘린더에 담겼어요. 일정 전에 알려 드릴게요.', 'Done: it is in your Talk Calendar.'],
  needs_consent: [
    '카카오 동의가 필요해요. 채널 가입 페이지에서 다시 동의해 주세요.',
    'Kakao needs your consent again: please join the channel once more.',
  ],
  kakao_failed: [
    '지금은 카카오에 연결할 수 없어요. 잠시 후 다시 시도해 주세요.',
    'Kakao could not be reached just now; please try again shortly.',
  ],
};

/** The page a tracking link opens: the message's content and one button for Kakao's action. */
export function renderLandingPage(content: LandingContent, outcome: LandingOutcome): string {
  const [labelKo, labelEn] = ACTION_LABEL[content.action];
  const image = content.imageUrl
    ? `<img src="${escapeHtml(content.imageUrl)}" alt="" style="width:100%;border-radius:.75rem">`
    : '';
  const description = content.description ? `<p>${escapeHtml(content.description)}</p>` : '';
  const notice = outcome
    ? `<div class="box" role="status"><p>${OUTCOME_TEXT[outcome][0]}</p><p class="en">${OUTCOME_TEXT[outcome][1]}</p></div>`
    : '';
  const form =
    outcome === 'done'
      ? ''
      : `<form method="post" action="${escapeHtml(content.actionPath)}">
<button type="submit">${labelKo}<br><small>${labelEn}</small></button>
</form>`;
  const more = content.continueUrl
    ? `<p><a href="${escapeHtml(content.continueUrl)}" rel="noopener">자세히 보기 · More</a></p>`
    : '';
  return publicPage(
    content.title,
    `${image}
<h1>${escapeHtml(content.title)}</h1>
${description}
${notice}
<div class="box">${form}${more}</div>`,
  );
}

/** A link that is not (or no longer) valid. */
export function renderLinkGonePage(): string {
  return publicPage(
    '링크를 찾을 수 없어요',
    `<h1>링크를 찾을 수 없어요</h1><p class="en">This link is not valid any more.</p>`,
  );
}
