import { type CreateCampaignDto } from '@app/campaigns';
import {
  type ChannelCallOptions,
  KakaoClient,
  seriesEventId,
  timedEventTime,
} from '@app/kakao-client';
import { type ApiAnswer, type TestStack } from '@app/testing';

export interface CampaignBody {
  id: string;
  version: number;
  revision: number;
  syncState: string;
  approvalState: string;
  kakaoState: string;
  kakaoEventId: string | null;
  publishedRevision: number | null;
  lastError: { code: string; message: string } | null;
  content: Record<string, unknown>;
  name: string;
  title: string;
  channelId: string;
  target: { kind: string; calendarId?: string };
  kakaoCheckedAt: string | null;
  archived: boolean;
  updatedAt: string;
}

export function draftBody(
  overrides: Partial<CreateCampaignDto['content']> = {},
): CreateCampaignDto {
  return {
    name: 'Spring pop-up',
    tags: ['seoul', 'popup'],
    content: {
      title: '성수 팝업 스토어',
      description: '4/12–4/14 성수동',
      allDay: false,
      startsAt: '2030-04-12T10:00:00+09:00',
      endsAt: '2030-04-12T19:00:00+09:00',
      timeZone: 'Asia/Seoul',
      rrule: 'FREQ=DAILY;COUNT=3',
      location: { name: 'Seongsu', address: '서울 성동구', latitude: 37.54, longitude: 127.05 },
      reminders: [60],
      color: 'MINT',
      banner: { pcImageUrl: 'https://cdn.example.com/pc.png', webUrl: 'https://example.com/popup' },
      ...overrides,
    },
  };
}

const clients = new WeakMap<TestStack, KakaoClient>();

/** A client acting for the stack's sandbox app, to look at Kakao's copy behind the console's back. */
export function kakaoFor(stack: TestStack): {
  client: KakaoClient;
  call: { adminKey: string; channelPublicId: string };
} {
  let client = clients.get(stack);
  if (!client) {
    client = new KakaoClient({
      apiBaseUrl: stack.sandboxUrl,
      authBaseUrl: stack.sandboxUrl,
      retries: 0,
    });
    clients.set(stack, client);
  }
  return {
    client,
    call: {
      adminKey: stack.sandboxApp.admin_key,
      channelPublicId: stack.sandboxApp.channels[0].channel_public_id,
    },
  };
}

export interface KakaoActor {
  client: KakaoClient;
  call: ChannelCallOptions & { adminKey: string };
}

/** A one-hour public event made straight at the sandbox, as someone using Kakao's own tools would. */
export function createPublicEventAt(
  kakao: KakaoActor,
  input: { title: string; startsAt: Date },
): Promise<string> {
  return kakao.client.publicEvents.createPublicEvent(
    {
      title: input.title,
      time: timedEventTime({
        start: input.startsAt,
        end: new Date(input.startsAt.getTime() + 3600 * 1000),
        timeZone: 'Asia/Seoul',
      }),
      description: 'Made at Kakao',
      reminders: [30],
      color: 'RED',
    },
    kakao.call,
  );
}

// The total of a list answer, from `Content-Range: <resource> 0-24/319` or `<resource> */0`.
export function listTotal(answer: ApiAnswer): number {
  const header = answer.headers.get('content-range') ?? '';
  const match = /\/(\d+)$/.exec(header);
  if (!match) {
    throw new Error(`No total in Content-Range "${header}" (status ${answer.status})`);
  }
  return Number(match[1]);
}

export async function closeKakaoFor(stack: TestStack): Promise<void> {
  await clients.get(stack)?.close();
  clients.delete(stack);
}

/** Every public event (series, not occurrences) of the stack's channel in a window around 2030-04. */
export async function publicEventIds(stack: TestStack): Promise<string[]> {
  const { client, call } = kakaoFor(stack);
  const ids: string[] = [];
  for await (const event of client.publicEvents.publicEvents(
    {
      channel_public_id: call.channelPublicId,
      from: new Date('2030-04-01T00:00:00Z'),
      to: new Date('2030-04-30T00:00:00Z'),
      limit: 1000,
    },
    call,
  )) {
    ids.push(seriesEventId(event.id));
  }
  return [...new Set(ids)];
}
