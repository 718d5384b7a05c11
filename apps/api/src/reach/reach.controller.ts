import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import { type RawReachQuery, ReachService, type ReachSeries, type ReachSummary } from '@app/reach';

/**
 * Follower reach of the current channel from the rollups. Query: `from`, `to` (ISO, default the
 * last 30 days), `granularity` (hour | day), at most one of `campaignId`, `blastId`,
 * `audienceId`. Every figure names its source (observed or estimated).
 */
@ApiTags('reach')
@Controller('reach')
export class ReachController {
  constructor(private readonly reach: ReachService) {}

  @Get('summary')
  @RequirePermission(Permission.ReachRead)
  summary(
    @RequestActor() actor: ChannelActor,
    @Query() query: RawReachQuery,
  ): Promise<ReachSummary> {
    return this.reach.summary(actor.channelId, query);
  }

  @Get('timeseries')
  @RequirePermission(Permission.ReachRead)
  timeseries(
    @RequestActor() actor: ChannelActor,
    @Query() query: RawReachQuery,
  ): Promise<ReachSeries> {
    return this.reach.timeseries(actor.channelId, query);
  }

  @Get('timeseries.csv')
  @RequirePermission(Permission.ReachRead)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="reach.csv"')
  timeseriesCsv(
    @RequestActor() actor: ChannelActor,
    @Query() query: RawReachQuery,
  ): Promise<string> {
    return this.reach.timeseriesCsv(actor.channelId, query);
  }

  /** Recounts the channel's rollups from the ledger and events (after a data repair or import). */
  @Post('rebuild')
  @HttpCode(200)
  @RequirePermission(Permission.ChannelManage)
  rebuild(@RequestActor() actor: ChannelActor): Promise<{ folded: number }> {
    return this.reach.rebuild(actor.channelId);
  }
}
