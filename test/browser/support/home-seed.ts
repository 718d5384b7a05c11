import { KakaoClient } from '@app/kakao-client';
import { everyoneAudience, expectEventually, seedSandboxRecipients } from '@app/testing';

import { type ConsoleStack, Role } from './console-stack';

export interface HomeSeed {
  /** Submitted again after an approved and published revision: the approve dialog has a diff. */
  waitingId: string;
  rejectedComment: string;
}

const timed = (day: string, from: string, to: string) => ({
  allDay: false,
  startsAt: `${day}T${from}:00+09:00`,
  endsAt: `${day}T${to}:00+09:00`,
  timeZone: 'Asia/Seoul',
});

/**
 * Something on each role's home: a campaign waiting for approval, a rejected one, one edited at
 * Kakao, a blast sending (paused half-way, so it stays on screen), a scheduled blast, a webhook.
 */
export async function seedHomes(app: ConsoleStack): Promise<HomeSeed> {
  const { stack } = app;
  const call = async <T>(role: Role, method: string, path: string, body?: object) => {
    const answer = await stack.call<T>(role, method, path, body);
    if (answer.status >= 300) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };

  const market = await app.createCampaign(Role.Marketer, {
    name: 'Autumn market',
    tags: ['market'],
    content: { title: '가을 플리마켓', ...timed('2030-10-03', '11:00', '18:00') },
  });
  await app.publish(market.id);
  const current = await app.campaign(market.id);
  await call(Role.Marketer, 'PUT', `/api/campaigns/${market.id}`, {
    version: current.version,
    name: 'Autumn market',
    tags: ['market'],
    content: { title: '가을 플리마켓 (장소 변경)', ...timed('2030-10-03', '12:00', '19:00') },
  });
  await call(Role.Marketer, 'POST', `/api/campaigns/${market.id}/submit`, {
    comment: '시간과 장소가 바뀌었습니다',
  });

  const rejectedComment = '배너 문구를 확인해 주세요';
  const busking = await app.createCampaign(Role.Marketer, {
    name: 'Hongdae busking night',
    tags: ['music'],
    content: { title: '홍대 버스킹 나이트', ...timed('2030-09-20', '19:00', '22:00') },
  });
  await call(Role.Marketer, 'POST', `/api/campaigns/${busking.id}/submit`, {});
  await call(Role.Manager, 'POST', `/api/campaigns/${busking.id}/reject`, {
    comment: rejectedComment,
  });

  const tea = await app.createCampaign(Role.Marketer, {
    name: 'Jeju tea fair',
    tags: ['jeju'],
    content: { title: '제주 티 페어', ...timed('2030-11-07', '10:00', '17:00') },
  });
  const published = await app.publish(tea.id);

  await seedSandboxRecipients(stack, 20);
  const audienceId = await everyoneAudience(stack, 'Home subscribers');
  const message = {
    idType: 'event',
    campaignId: tea.id,
    title: '제주 티 페어',
    description: '11/7 제주 티 페어에 초대합니다',
    webUrl: 'https://example.com/tea',
  };
  const sending = await call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', {
    name: 'Flash coupon',
    message,
    audienceId,
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond: 2,
    quietHours: false,
  });
  const run = await call<{ id: string }>(Role.Scheduler, 'POST', `/api/blasts/${sending.id}/start`);
  await expectEventually(
    async () => {
      const progress = await call<{ done: number }>(
        Role.Scheduler,
        'GET',
        `/api/blast-runs/${run.id}`,
      );
      if (progress.done < 4) {
        throw new Error(`only ${progress.done} sent`);
      }
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  await call(Role.Scheduler, 'POST', `/api/blast-runs/${run.id}/pause`);
  const later = await call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', {
    name: 'Weekend reminder',
    message,
    audienceId,
    schedule: { kind: 'at', at: '2030-11-02T10:00', timeZone: 'Asia/Seoul' },
    ratePerSecond: 50,
  });
  await call(Role.Scheduler, 'POST', `/api/blasts/${later.id}/start`);

  // Someone renames the tea fair at Kakao, behind the console's back.
  const kakao = new KakaoClient({
    apiBaseUrl: stack.sandboxUrl,
    authBaseUrl: stack.sandboxUrl,
    retries: 0,
  });
  try {
    await kakao.publicEvents.updatePublicEvent(
      published.kakaoEventId ?? '',
      { title: '제주 티 페어 (카카오에서 수정)' },
      {
        adminKey: stack.sandboxApp.admin_key,
        channelPublicId: stack.sandboxApp.channels[0]?.channel_public_id ?? '',
        recurUpdateType: 'ALL',
      },
    );
  } finally {
    await kakao.close();
  }
  await call(Role.Manager, 'POST', '/api/campaigns/reconcile', {});
  await expectEventually(
    async () => {
      const campaign = await call<{ kakaoState: string }>(
        Role.Marketer,
        'GET',
        `/api/campaigns/${tea.id}`,
      );
      if (campaign.kakaoState !== 'drifted') {
        throw new Error(`Kakao's copy is ${campaign.kakaoState}`);
      }
    },
    { timeoutMs: 30_000 },
  );

  await call(Role.Admin, 'POST', '/api/webhooks', {
    url: 'https://example.com/crm-hook',
    events: ['campaign.drifted', 'blast.finished'],
    description: 'CRM sync',
  });
  return { waitingId: market.id, rejectedComment };
}
