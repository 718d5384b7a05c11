import { type Redis } from 'ioredis';
import { type Repository } from 'typeorm';

import { type ChannelsService } from '@app/channels';
import { loadConfig } from '@app/config';
import { type KakaoClient } from '@app/kakao-client';

import { type CampaignRepository } from './campaign.repository';
import { type SubscribeCalendarEntity } from './subscribe-calendar.entity';
import { SubscribeCalendarsService } from './subscribe-calendars.service';

describe('the holiday cache', () => {
  it('keeps its entries under the configured queue prefix', async () => {
    const stored = new Map<string, string>();
    const redis = {
      get: (key: string) => Promise.resolve(stored.get(key) ?? null),
      set: (key: string, value: string) => {
        stored.set(key, value);
        return Promise.resolve('OK');
      },
    };
    const kakao = {
      holidays: { listHolidays: jest.fn(() => Promise.resolve([{ name: '설날' }])) },
    };
    const channels = {
      get: (id: string) => Promise.resolve({ id }),
      credentials: () => ({ adminKey: 'admin-key' }),
    };
    const service = new SubscribeCalendarsService(
      {} as Repository<SubscribeCalendarEntity>,
      {} as CampaignRepository,
      channels as unknown as ChannelsService,
      kakao as unknown as KakaoClient,
      redis as unknown as Redis,
      loadConfig({ QUEUE_PREFIX: 'tenant7' }),
    );

    const first = await service.holidays('channel-1', '2030-01-01', '2030-01-31');
    const second = await service.holidays('channel-1', '2030-01-01', '2030-01-31');

    expect([...stored.keys()]).toEqual(['tenant7:holidays:channel-1:2030-01-01:2030-01-31']);
    expect(second).toEqual(first);
    expect(kakao.holidays.listHolidays).toHaveBeenCalledTimes(1);
  });
});
