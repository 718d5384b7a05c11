import { Readable } from 'node:stream';

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  BlastsService,
  RECIPIENT_DELIVERY_LIST_RULES,
  RecipientDeliveryListFilter,
} from '@app/blasts';
import { ChannelsService } from '@app/channels';
import { contentRange, type ListQuery, ListQueryParams, UuidPipe } from '@app/common';
import {
  exportLanguage,
  RECIPIENT_LIST_RULES,
  type RecipientDetailResponse,
  RecipientListFilter,
  type RecipientResponse,
  RecipientRelationSyncService,
  RecipientsService,
  toRecipientResponse,
  UpdateRecipientDto,
} from '@app/recipients';

import {
  type RecipientDeliveryResponse,
  toRecipientDeliveryResponse,
} from './recipient-deliveries';

/** Recipients of the current channel (X-Channel-Id). Tokens never appear in any answer. */
@ApiTags('recipients')
@Controller('recipients')
export class RecipientsController {
  constructor(
    private readonly recipients: RecipientsService,
    private readonly relations: RecipientRelationSyncService,
    private readonly blasts: BlastsService,
    private readonly channels: ChannelsService,
  ) {}

  /** ra-data-simple-rest list; filters: q, tag, consentState, channelRelation, source, id. */
  @Get()
  @RequirePermission(Permission.RecipientRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(RecipientListFilter, RECIPIENT_LIST_RULES)
    query: ListQuery<RecipientListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecipientResponse[]> {
    const page = await this.recipients.list(actor.channelId, query);
    reply.header('Content-Range', contentRange('recipients', query, page.total));
    return page.items.map(toRecipientResponse);
  }

  /**
   * The list as CSV (same filter and sort; every page): UTF-8 with a BOM, dates in the channel's
   * zone, header row in the `Accept-Language` (Korean or English).
   */
  @Get('export.csv')
  @RequirePermission(Permission.RecipientRead)
  async exportCsv(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(RecipientListFilter, RECIPIENT_LIST_RULES)
    query: ListQuery<RecipientListFilter>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const channel = await this.channels.get(actor.channelId);
    const day = new Date().toISOString().slice(0, 10);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="recipients-${day}.csv"`)
      .send(
        Readable.from(
          this.recipients.exportCsv(
            actor.channelId,
            query,
            exportLanguage(acceptLanguage),
            channel.timeZone,
          ),
        ),
      );
  }

  /** Checks the channel relation (5.6) of the channel's recipients now, in a job. */
  @Post('relation-sync')
  @HttpCode(202)
  @RequirePermission(Permission.RecipientManage)
  async relationSync(@RequestActor() actor: ChannelActor): Promise<{ queued: true }> {
    await this.relations.request(actor.channelId);
    return { queued: true };
  }

  @Get(':id')
  @RequirePermission(Permission.RecipientRead)
  detail(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<RecipientDetailResponse> {
    return this.recipients.detail(actor.channelId, id);
  }

  /**
   * Every delivery of the recipient (blast, run, state, Kakao's code and message), newest first;
   * ra-data-simple-rest paging with `Content-Range: deliveries`. Filter: `state`.
   */
  @Get(':id/deliveries')
  @RequirePermission(Permission.RecipientRead)
  async deliveries(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @ListQueryParams(RecipientDeliveryListFilter, RECIPIENT_DELIVERY_LIST_RULES)
    query: ListQuery<RecipientDeliveryListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecipientDeliveryResponse[]> {
    const page = await this.blasts.recipientDeliveries(actor.channelId, id, {
      offset: query.range.start,
      limit: query.range.end - query.range.start + 1,
      order: query.sort.order,
      states: query.filter.state,
    });
    reply.header('Content-Range', contentRange('deliveries', query, page.total));
    return page.items.map(toRecipientDeliveryResponse);
  }

  /** Tags, attributes, time zone; `version` required (409 when stale). */
  @Put(':id')
  @RequirePermission(Permission.RecipientManage)
  async update(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateRecipientDto,
  ): Promise<RecipientResponse> {
    return toRecipientResponse(await this.recipients.update(actor, id, body));
  }

  /** Opt-out: consent revoked, tokens wiped. The record stays (history, audit). */
  @Delete(':id')
  @RequirePermission(Permission.RecipientManage)
  async optOut(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<RecipientResponse> {
    return toRecipientResponse(await this.recipients.optOut(actor, id));
  }
}
