import { Body, Controller, Get, HttpCode, Param, Post, Res, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { from, interval, map, type Observable, startWith, switchMap, takeWhile } from 'rxjs';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  BlastListFilter,
  BlastsService,
  CreateBlastDto,
  DeliveryState,
  EstimateBlastDto,
  ResendDto,
  RUN_DELIVERY_LIST_RULES,
  RunDeliveryListFilter,
  type RunProgress,
  RunState,
  TestSendDto,
} from '@app/blasts';
import {
  type HeaderReply,
  type ListQuery,
  ListQueryParams,
  listReply,
  UuidPipe,
} from '@app/common';

import { toBlastResponse, toDeliveryResponse, toRunResponse } from './blast.response';
import { DuplicateBlastDto } from './duplicate-blast.dto';

const LIST_RULES = {
  sortable: ['name', 'state', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'updatedAt', order: 'DESC' as const },
};

@ApiTags('blasts')
@Controller()
export class BlastsController {
  constructor(private readonly blasts: BlastsService) {}

  @Get('blasts')
  @RequirePermission(Permission.BlastRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(BlastListFilter, LIST_RULES) query: ListQuery<BlastListFilter>,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<object[]> {
    const page = await this.blasts.list(actor.channelId, query);
    return listReply(reply, 'blasts', query, page.items.map(toBlastResponse), page.total);
  }

  @Post('blasts/estimate')
  @HttpCode(200)
  @RequirePermission(Permission.BlastRead)
  estimate(@RequestActor() actor: ChannelActor, @Body() body: EstimateBlastDto): Promise<object> {
    return this.blasts.estimate(
      actor.channelId,
      body.audienceId,
      body.ratePerSecond,
      body.quietHours ?? false,
    );
  }

  /** The estimate of a saved blast if it were started now, quiet-hours wait included. */
  @Get('blasts/:id/estimate')
  @RequirePermission(Permission.BlastRead)
  estimateStart(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object> {
    return this.blasts.estimateStart(actor.channelId, id);
  }

  @Get('blasts/:id')
  @RequirePermission(Permission.BlastRead)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object> {
    return toBlastResponse(await this.blasts.get(actor.channelId, id));
  }

  @Post('blasts')
  @RequirePermission(Permission.BlastManage)
  async create(@RequestActor() actor: ChannelActor, @Body() body: CreateBlastDto): Promise<object> {
    return toBlastResponse(await this.blasts.create(actor, body));
  }

  /** A new draft with the blast's message, audience and options. */
  @Post('blasts/:id/duplicate')
  @RequirePermission(Permission.BlastManage)
  async duplicate(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: DuplicateBlastDto,
  ): Promise<object> {
    return toBlastResponse(await this.blasts.duplicate(actor, id, body));
  }

  @Post('blasts/:id/start')
  @HttpCode(202)
  @RequirePermission(Permission.BlastManage)
  async start(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object> {
    return toRunResponse(await this.blasts.start(actor, id));
  }

  @Post('blasts/:id/test-send')
  @HttpCode(200)
  @RequirePermission(Permission.BlastManage)
  testSend(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: TestSendDto,
  ): Promise<object> {
    return this.blasts.testSend(actor, id, body.recipientId);
  }

  @Get('blasts/:id/runs')
  @RequirePermission(Permission.BlastRead)
  async runs(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object[]> {
    return (await this.blasts.runsOf(actor.channelId, id)).map(toRunResponse);
  }

  @Get('blast-runs/:runId')
  @RequirePermission(Permission.BlastRead)
  progress(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<RunProgress> {
    return this.blasts.progress(actor.channelId, runId);
  }

  /**
   * Progress as server-sent events, once a second, until the run ends. The run is read before
   * the stream opens, so an unknown or foreign run is a 404 envelope, never a stream.
   */
  @Sse('blast-runs/:runId/events')
  @RequirePermission(Permission.BlastRead)
  async events(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<Observable<{ data: RunProgress }>> {
    const first = await this.blasts.progress(actor.channelId, runId);
    return interval(1000).pipe(
      switchMap(() => from(this.blasts.progress(actor.channelId, runId))),
      startWith(first),
      takeWhile(
        (progress) =>
          progress.state !== RunState.Completed && progress.state !== RunState.Cancelled,
        true,
      ),
      map((progress) => ({ data: progress })),
    );
  }

  @Post('blast-runs/:runId/pause')
  @HttpCode(200)
  @RequirePermission(Permission.BlastManage)
  pause(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<RunProgress> {
    return this.blasts.pause(actor, runId);
  }

  @Post('blast-runs/:runId/resume')
  @HttpCode(200)
  @RequirePermission(Permission.BlastManage)
  resume(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<RunProgress> {
    return this.blasts.resume(actor, runId);
  }

  @Post('blast-runs/:runId/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.BlastManage)
  cancel(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
  ): Promise<RunProgress> {
    return this.blasts.cancel(actor, runId);
  }

  @Post('blast-runs/:runId/resend')
  @HttpCode(200)
  @RequirePermission(Permission.BlastManage)
  resend(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
    @Body() body: ResendDto,
  ): Promise<RunProgress> {
    const states = (body.states ?? ['unknown']).map((state) =>
      state === 'failed' ? DeliveryState.Failed : DeliveryState.Unknown,
    );
    return this.blasts.resend(actor, runId, states);
  }

  @Get('blast-runs/:runId/deliveries')
  @RequirePermission(Permission.BlastRead)
  async deliveries(
    @RequestActor() actor: ChannelActor,
    @Param('runId', UuidPipe) runId: string,
    @ListQueryParams(RunDeliveryListFilter, RUN_DELIVERY_LIST_RULES)
    query: ListQuery<RunDeliveryListFilter>,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<object[]> {
    const page = await this.blasts.deliveriesOf(
      actor.channelId,
      runId,
      query.filter,
      query.range.start,
      query.range.end,
    );
    return listReply(reply, 'deliveries', query, page.items.map(toDeliveryResponse), page.total);
  }
}
