import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import { UuidPipe } from '@app/common';
import {
  type ReachEstimateRequest,
  type ReachEstimateResponse,
  ReachEstimatesService,
} from '@app/reach';

/**
 * Sampled estimates of follows / subscriptions made through Kakao's own message button. A request
 * (`{kind: follow | subscribe, quotaBudget}`) is queued and answers 202; the job checks a random
 * sample of the campaign's recipients and reports the rate with a 95 % interval.
 */
@ApiTags('reach')
@Controller()
export class ReachEstimatesController {
  constructor(private readonly estimates: ReachEstimatesService) {}

  @Post('campaigns/:id/reach-estimates')
  @HttpCode(202)
  @RequirePermission(Permission.ReachManage)
  request(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) campaignId: string,
    @Body() body: ReachEstimateRequest,
  ): Promise<ReachEstimateResponse> {
    return this.estimates.request(actor, campaignId, body ?? {});
  }

  @Get('campaigns/:id/reach-estimates')
  @RequirePermission(Permission.ReachRead)
  list(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) campaignId: string,
  ): Promise<ReachEstimateResponse[]> {
    return this.estimates.list(actor.channelId, campaignId);
  }

  @Get('reach-estimates/:id')
  @RequirePermission(Permission.ReachRead)
  get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<ReachEstimateResponse> {
    return this.estimates.get(actor.channelId, id);
  }
}
