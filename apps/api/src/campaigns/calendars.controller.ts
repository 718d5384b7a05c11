import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  CampaignKakaoCopyService,
  type CampaignResponse,
  CampaignSchedulerService,
  HolidayQueryDto,
  SUBSCRIBE_CALENDAR_LIST_RULES,
  type SubscribeCalendarEntity,
  SubscribeCalendarListFilter,
  SubscribeCalendarsService,
  toCampaignResponse,
  type UnmanagedPublicEventEntity,
} from '@app/campaigns';
import {
  type HeaderReply,
  type ListQuery,
  ListQueryParams,
  listReply,
  NoListFilter,
  UuidPipe,
} from '@app/common';
import { type Holiday } from '@app/kakao-client';

function toCalendarResponse(calendar: SubscribeCalendarEntity): object {
  return {
    id: calendar.id,
    kakaoCalendarId: calendar.kakaoCalendarId,
    name: calendar.name,
    color: calendar.color,
    description: calendar.description,
    profileImageUrl: calendar.profileImageUrl,
    thumbnailUrl: calendar.thumbnailUrl,
    reminder: calendar.reminder,
    reminderAllDay: calendar.reminderAllDay,
    syncedAt: calendar.syncedAt.toISOString(),
    removed: calendar.removedAt !== null,
  };
}

function toUnmanagedResponse(event: UnmanagedPublicEventEntity): object {
  return {
    id: event.id,
    kakaoEventId: event.kakaoEventId,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    detail: event.detail,
    firstSeenAt: event.firstSeenAt.toISOString(),
    lastSeenAt: event.lastSeenAt.toISOString(),
    importedCampaignId: event.importedCampaignId,
  };
}

/** Unmanaged events are listed by start, whatever `sort` says. */
const UNMANAGED_LIST_RULES = {
  sortable: ['startsAt'],
  defaultSort: { field: 'startsAt', order: 'ASC' as const },
};

@ApiTags('calendars')
@Controller()
export class CalendarsController {
  constructor(
    private readonly calendars: SubscribeCalendarsService,
    private readonly kakaoCopy: CampaignKakaoCopyService,
    private readonly scheduler: CampaignSchedulerService,
  ) {}

  @Get('subscribe-calendars')
  @RequirePermission(Permission.CalendarRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(SubscribeCalendarListFilter, SUBSCRIBE_CALENDAR_LIST_RULES)
    query: ListQuery<SubscribeCalendarListFilter>,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<object[]> {
    const [items, total] = await this.calendars.list(actor.channelId, query);
    return listReply(reply, 'subscribe-calendars', query, items.map(toCalendarResponse), total);
  }

  @Post('subscribe-calendars/sync')
  @HttpCode(202)
  @RequirePermission(Permission.CampaignWrite)
  async sync(@RequestActor() actor: ChannelActor): Promise<{ queued: true }> {
    await this.scheduler.requestSubscribeCalendarSync(actor.channelId);
    return { queued: true };
  }

  @Get('subscribe-calendars/:id')
  @RequirePermission(Permission.CalendarRead)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object & { campaigns: CampaignResponse[] }> {
    const { calendar, campaigns } = await this.calendars.get(actor.channelId, id);
    return { ...toCalendarResponse(calendar), campaigns: campaigns.map(toCampaignResponse) };
  }

  @Get('holidays')
  @RequirePermission(Permission.CalendarRead)
  holidays(
    @RequestActor() actor: ChannelActor,
    @Query() query: HolidayQueryDto,
  ): Promise<Holiday[]> {
    return this.calendars.holidays(actor.channelId, query.from, query.to);
  }

  @Get('unmanaged-events')
  @RequirePermission(Permission.CampaignRead)
  async unmanaged(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(NoListFilter, UNMANAGED_LIST_RULES) query: ListQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<object[]> {
    const page = await this.kakaoCopy.listUnmanaged(
      actor.channelId,
      query.range.start,
      query.range.end,
    );
    return listReply(
      reply,
      'unmanaged-events',
      query,
      page.items.map(toUnmanagedResponse),
      page.total,
    );
  }

  @Post('unmanaged-events/:id/import')
  @RequirePermission(Permission.CampaignWrite)
  async import(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.kakaoCopy.importUnmanaged(actor, id));
  }
}
