import { type Redis } from 'ioredis';
import { type Repository } from 'typeorm';

import { type ChannelsService } from '@app/channels';
import { loadConfig } from '@app/config';
import { createSandboxApp } from '@app/console-http';
import { KakaoClient } from '@app/kakao-client';
import { type RunningSandbox, startSandbox } from '@app/kakao-sandbox';

import { type CampaignRepository } from './campaign.repository';
import { type SubscribeCalendarEntity } from './subscribe-calendar.entity';
import { SubscribeCalendarsService } from './subscribe-calendars.service';

describe('holidays of a month view, paged against the sandbox', () => {
  let sandbox: RunningSandbox;
  let kakao: KakaoClient;
  let service: SubscribeCalendarsService;
  let windows: { from: string; to: string }[];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, silent: true });
    const url = sandbox.url.replace(/\/+$/, '');
    const app = await createSandboxApp(url);
    kakao = new KakaoClient({
      apiBaseUrl: url,
      authBaseUrl: url,
      adminKey: app.admin_key,
      restApiKey: app.rest_api_key,
      backoff: { baseMs: 1, maxMs: 5 },
      timeoutMs: 5_000,
    });
    const listHolidays = kakao.holidays.listHolidays.bind(kakao.holidays);
    jest.spyOn(kakao.holidays, 'listHolidays').mockImplementation((query, options) => {
      windows.push({ from: String(query.from.valueOf()), to: String(query.to.valueOf()) });
      return listHolidays(query, options);
    });
    const channels = {
      get: (id: string) => Promise.resolve({ id }),
      credentials: () => ({ adminKey: app.admin_key }),
    };
    const noCache = { get: () => Promise.resolve(null), set: () => Promise.resolve('OK') };
    service = new SubscribeCalendarsService(
      {} as Repository<SubscribeCalendarEntity>,
      {} as CampaignRepository,
      channels as unknown as ChannelsService,
      kakao,
      noCache as unknown as Redis,
      loadConfig({}),
    );
  });
  afterAll(async () => {
    await kakao.close();
    await sandbox.close();
  });
  beforeEach(() => {
    windows = [];
  });

  it('asks for a 42-day month view in two windows of at most 31 days and merges them', async () => {
    // May 2025 as a six-week grid: Sunday 27 April to Saturday 7 June.
    const holidays = await service.holidays('channel-1', '2025-04-27', '2025-06-07');

    expect(windows).toHaveLength(2);
    const spans = windows.map(({ from, to }) => Number(to) - Number(from));
    for (const span of spans) {
      expect(span).toBeLessThanOrEqual(31 * 24 * 3600 * 1000);
    }
    expect(windows[1].from).toBe(windows[0].to);
    const titles = holidays.map((holiday) => `${holiday.title} ${holiday.time.start_at}`);
    // One from each window: Children's Day (first) and Memorial Day (second).
    expect(titles).toContain('어린이날 2025-05-05T00:00:00Z');
    expect(titles).toContain('현충일 2025-06-06T00:00:00Z');
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('asks once for a window of 31 days or less', async () => {
    await service.holidays('channel-1', '2025-05-01', '2025-05-31');
    expect(windows).toHaveLength(1);
  });
});
