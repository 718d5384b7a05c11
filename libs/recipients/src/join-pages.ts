import { escapeHtml, publicPage } from '@app/common';

/** What a join route answers: a page, or a redirect; with the cookie to set, if any. */
export type JoinAnswer =
  | { kind: 'page'; status: number; html: string; setCookie?: string }
  | { kind: 'redirect'; location: string; setCookie?: string };

/** Why an opt-in did not finish; each has its own page. */
export type JoinFailure =
  | 'channel_not_found'
  | 'channel_not_ready'
  | 'declined'
  | 'invalid_state'
  | 'expired_state'
  | 'browser_mismatch'
  | 'kakao_rejected'
  | 'kakao_unavailable'
  | 'internal';

/** The opt-in page: Korean first, English under it; one button that starts Kakao Login. */
export function renderJoinPage(channelName: string, startPath: string): string {
  const name = escapeHtml(channelName);
  return publicPage(
    `${channelName} · 카카오톡으로 이벤트 소식 받기`,
    `<h1>카카오톡으로 이벤트 소식 받기</h1>
<h2 class="en">Get our events in Kakao Talk</h2>
<div class="box">
<p>${name}의 새 이벤트와 팝업 소식을 카카오톡 메시지와 톡캘린더로 보내 드립니다.
카카오 로그인 후 <b>카카오톡 메시지 전송</b>과 <b>톡캘린더</b> 항목에 동의해 주세요.</p>
<p class="en">${name} will send you new events and pop-ups as Kakao Talk messages and Talk Calendar
entries. Log in with Kakao and agree to <b>Kakao Talk messages</b> and <b>Talk Calendar</b>.</p>
<form method="post" action="${escapeHtml(startPath)}">
<button type="submit">카카오로 계속하기 · Continue with Kakao</button>
</form>
</div>
<p><small>언제든지 채널에 요청해 수신을 중단할 수 있습니다. · You can stop these messages at any time by asking the channel.</small></p>`,
  );
}

export function renderThanksPage(
  channelName: string,
  nickname: string | null,
  messagesAllowed: boolean,
): string {
  const name = escapeHtml(channelName);
  const who = nickname ? `${escapeHtml(nickname)}님, ` : '';
  const whoEn = nickname ? `, ${escapeHtml(nickname)}` : '';
  const note = messagesAllowed
    ? ''
    : `<p><b>카카오톡 메시지 전송</b>에 동의하지 않으셔서 아직 메시지를 보내 드릴 수 없습니다. 다시 시도해 동의해 주세요.</p>
<p class="en">You did not agree to <b>Kakao Talk messages</b>, so we cannot message you yet. Please try again and agree.</p>`;
  return publicPage(
    `${channelName} · 감사합니다`,
    `<h1>${who}감사합니다!</h1>
<h2 class="en">Thank you${whoEn}!</h2>
<div class="box">
<p>이제 ${name}의 이벤트 소식을 카카오톡으로 받으실 수 있습니다.</p>
<p class="en">You will now get ${name}'s events in Kakao Talk.</p>
${note}
</div>`,
  );
}

const FAILURES: Record<JoinFailure, { ko: string; en: string; retry: boolean }> = {
  channel_not_found: {
    ko: '찾을 수 없는 채널입니다. 주소를 확인해 주세요.',
    en: 'We could not find this channel. Please check the address.',
    retry: false,
  },
  channel_not_ready: {
    ko: '이 채널은 아직 카카오 로그인을 준비하지 않았습니다.',
    en: 'This channel has not set up Kakao Login yet.',
    retry: false,
  },
  declined: {
    ko: '동의하지 않으셔서 구독되지 않았습니다. 아무 정보도 저장하지 않았습니다.',
    en: 'You did not agree, so you are not subscribed. Nothing was stored.',
    retry: true,
  },
  invalid_state: {
    ko: '잘못되었거나 이미 사용된 요청입니다. 처음부터 다시 시도해 주세요.',
    en: 'This request is invalid or was already used. Please start again.',
    retry: true,
  },
  expired_state: {
    ko: '요청 시간이 지났습니다. 처음부터 다시 시도해 주세요.',
    en: 'This request has expired. Please start again.',
    retry: true,
  },
  browser_mismatch: {
    ko: '시작한 브라우저에서 계속해 주세요. 처음부터 다시 시도해 주세요.',
    en: 'Please finish in the browser you started in, and start again.',
    retry: true,
  },
  kakao_rejected: {
    ko: '카카오 로그인이 완료되지 않았습니다. 처음부터 다시 시도해 주세요.',
    en: 'Kakao Login did not complete. Please start again.',
    retry: true,
  },
  kakao_unavailable: {
    ko: '카카오에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'We could not reach Kakao. Please try again in a moment.',
    retry: true,
  },
  internal: {
    ko: '문제가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Something went wrong on our side. Please try again in a moment.',
    retry: true,
  },
};

/** A failure page: what happened, in Korean then English, and a way back; never internals. */
export function renderJoinErrorPage(
  failure: JoinFailure,
  joinPath: string | null,
  detailCode?: string,
): string {
  const text = FAILURES[failure];
  const retry =
    text.retry && joinPath !== null
      ? `<p><a href="${escapeHtml(joinPath)}">다시 시도하기 · Start again</a></p>`
      : '';
  const code = detailCode ? `<p><small>(${escapeHtml(detailCode)})</small></p>` : '';
  return publicPage(
    '구독되지 않았습니다 · Not subscribed',
    `<h1>구독되지 않았습니다</h1>
<h2 class="en">Not subscribed</h2>
<div class="box" data-failure="${failure}">
<p>${text.ko}</p>
<p class="en">${text.en}</p>
${code}
</div>
${retry}`,
  );
}
