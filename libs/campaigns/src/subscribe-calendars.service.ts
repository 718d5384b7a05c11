import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Redis } from 'ioredis';
import { ILike, In, type Repository } from 'typeorm';

import { type ChannelEntity, ChannelsService } from '@app/channels';
import { type ListQuery } from '@app/common';
import { AppConfig } from '@app/config';
import { JobName, type JobPayloads, OnJob, REDIS } from '@app/jobs';
import { type AdminCallOptions, type Holiday, KakaoClient } from '@app/kakao-client';

import { type CampaignEntity } from './campaign.entity';
import { CampaignErrorCode, CampaignException } from './campaign.exception';
import { CampaignRepository } from './campaign.repository';
import { type SubscribeCalendarListFilter } from './subscribe-calendar-list.filter';
import { SubscribeCalendarEntity } from './subscribe-calendar.entity';

const HOLIDAY_CACHE_SECONDS = 24 * 3600;
const HOLIDAY_WINDOW_MAX_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;
/** Kakao answers holidays for at most 31 days after `from` (contract 4.20); longer spans are paged. */
const KAKAO_HOLIDAY_WINDOW_DAYS = 31;

export interface SubscribeCalendarSyncResult {
  total: number;
  added: number;
  removed: number;
}

/** The channel's subscribe calendars mirrored from Kakao, and Kakao's holidays for calendar views. */
@Injectable()
export class SubscribeCalendarsService {
  constructor(
    @InjectRepository(SubscribeCalendarEntity)
    private readonly calendars: Repository<SubscribeCalendarEntity>,
    private readonly campaigns: CampaignRepository,
    private readonly channels: ChannelsService,
    private readonly kakao: KakaoClient,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private adminCall(channel: ChannelEntity): AdminCallOptions {
    return { adminKey: this.channels.credentials(channel).adminKey };
  }

  @OnJob(JobName.SubscribeCalendarSync)
  async sync(
    data: JobPayloads[JobName.SubscribeCalendarSync],
  ): Promise<SubscribeCalendarSyncResult> {
    const channel = await this.channels.get(data.channelId);
    const remote = await this.kakao.subscriptions.listSubscribableCalendars({
      ...this.adminCall(channel),
      channelPublicId: channel.channelPublicId,
    });
    const syncedAt = new Date();
    const existing = await this.calendars.findBy({ channelId: channel.id });
    const known = new Set(
      existing.filter((row) => row.removedAt === null).map((row) => row.kakaoCalendarId),
    );
    if (remote.length > 0) {
      await this.calendars.upsert(
        remote.map((calendar) => ({
          channelId: channel.id,
          kakaoCalendarId: calendar.id,
          name: calendar.name ?? null,
          color: calendar.color ?? null,
          description: calendar.description ?? null,
          profileImageUrl: calendar.profile_image_url || null,
          thumbnailUrl: calendar.thumbnail_url || null,
          reminder: calendar.reminder ?? null,
          reminderAllDay: calendar.reminder_all_day ?? null,
          syncedAt,
          removedAt: null,
        })),
        ['channelId', 'kakaoCalendarId'],
      );
    }
    const remoteIds = new Set(remote.map((calendar) => calendar.id));
    const gone = existing.filter(
      (row) => row.removedAt === null && !remoteIds.has(row.kakaoCalendarId),
    );
    for (const row of gone) {
      await this.calendars.update({ id: row.id }, { removedAt: syncedAt });
    }
    return {
      total: remote.length,
      added: remote.filter((calendar) => !known.has(calendar.id)).length,
      removed: gone.length,
    };
  }

  list(
    channelId: string,
    query: ListQuery<SubscribeCalendarListFilter>,
  ): Promise<[SubscribeCalendarEntity[], number]> {
    const { q, id } = query.filter;
    const { start, end } = query.range;
    return this.calendars.findAndCount({
      where: {
        channelId,
        ...(q ? { name: ILike(`%${q.replace(/[\\%_]/g, '\\$&')}%`) } : {}),
        ...(id ? { id: In(id) } : {}),
      },
      order: { removedAt: { direction: 'DESC', nulls: 'FIRST' }, name: 'ASC' },
      skip: start,
      take: end - start + 1,
    });
  }

  async get(
    channelId: string,
    id: string,
  ): Promise<{ calendar: SubscribeCalendarEntity; campaigns: CampaignEntity[] }> {
    const calendar = await this.calendars.findOneBy({ id, channelId });
    if (!calendar) {
      throw new CampaignException(
        CampaignErrorCode.CalendarNotFound,
        `Subscribe calendar ${id} not found`,
      );
    }
    return {
      calendar,
      campaigns: await this.campaigns.byTargetCalendar(channelId, calendar.kakaoCalendarId),
    };
  }

  /** Holidays between two dates (YYYY-MM-DD, inclusive), cached for a day. */
  async holidays(channelId: string, from: string, to: string): Promise<Holiday[]> {
    const fromMs = Date.parse(`${from}T00:00:00Z`);
    const toMs = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) {
      throw new CampaignException(
        CampaignErrorCode.Invalid,
        'from and to must be dates with from <= to',
        {
          from: 'must be a date YYYY-MM-DD not after to',
        },
      );
    }
    if (toMs - fromMs > HOLIDAY_WINDOW_MAX_DAYS * DAY_MS) {
      throw new CampaignException(
        CampaignErrorCode.Invalid,
        `At most ${HOLIDAY_WINDOW_MAX_DAYS} days`,
        {
          to: `must be at most ${HOLIDAY_WINDOW_MAX_DAYS} days after from`,
        },
      );
    }
    const channel = await this.channels.get(channelId);
    // Under the configured prefix, like every key of ours: consoles sharing a Redis stay apart.
    const key = `${this.config.redis.queuePrefix}:holidays:${channel.id}:${from}:${to}`;
    const cached = await this.redis.get(key).catch(() => null);
    if (cached) {
      return JSON.parse(cached) as Holiday[];
    }
    const holidays = await this.holidaysPaged(fromMs, toMs, this.adminCall(channel));
    await this.redis
      .set(key, JSON.stringify(holidays), 'EX', HOLIDAY_CACHE_SECONDS)
      .catch(() => undefined);
    return holidays;
  }

  /** One request per window of at most 31 days, in order; a day that two windows share counts once. */
  private async holidaysPaged(
    fromMs: number,
    toMs: number,
    call: AdminCallOptions,
  ): Promise<Holiday[]> {
    const merged = new Map<string, Holiday>();
    for (let start = fromMs; start < toMs; start += KAKAO_HOLIDAY_WINDOW_DAYS * DAY_MS) {
      const end = Math.min(start + KAKAO_HOLIDAY_WINDOW_DAYS * DAY_MS, toMs);
      const page = await this.kakao.holidays.listHolidays(
        { from: new Date(start), to: new Date(end) },
        call,
      );
      for (const holiday of page) {
        merged.set(JSON.stringify(holiday), holiday);
      }
    }
    return [...merged.values()];
  }
}
