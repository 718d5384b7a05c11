import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  type HeaderReply,
  type ListQuery,
  ListQueryParams,
  listReply,
  NoListFilter,
  UuidPipe,
} from '@app/common';
import {
  CreateWebhookDto,
  toWebhookAttemptResponse,
  toWebhookDeliveryResponse,
  toWebhookEndpointResponse,
  UpdateWebhookDto,
  WEBHOOK_DELIVERY_LIST_RULES,
  WEBHOOK_LIST_RULES,
  type WebhookDeliveryDetail,
  WebhookDeliveryListFilter,
  type WebhookDeliveryDetailResponse,
  type WebhookDeliveryResponse,
  type WebhookEndpointResponse,
  WebhooksService,
  type WebhookWithSecret,
  type WebhookWithSecretResponse,
} from '@app/webhooks';

function withSecret({ endpoint, secret }: WebhookWithSecret): WebhookWithSecretResponse {
  return { ...toWebhookEndpointResponse(endpoint), secret };
}

function toDetail({ delivery, attempts }: WebhookDeliveryDetail): WebhookDeliveryDetailResponse {
  return {
    ...toWebhookDeliveryResponse(delivery),
    payload: delivery.payload,
    attemptLog: attempts.map(toWebhookAttemptResponse),
  };
}

/**
 * Outbound webhooks of the current channel (administrators). Each delivery is a POST of
 * `{ id, type, createdAt, channelId, data }` signed in `X-Kcc-Signature` (see
 * libs/webhooks/README.md for the verification recipe); the secret is shown only by create and
 * rotate-secret.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('webhooks')
  @RequirePermission(Permission.WebhookManage)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(NoListFilter, WEBHOOK_LIST_RULES) query: ListQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<WebhookEndpointResponse[]> {
    const page = await this.webhooks.list(actor.channelId, query);
    return listReply(
      reply,
      'webhooks',
      query,
      page.items.map(toWebhookEndpointResponse),
      page.total,
    );
  }

  /** The answer carries `secret`, shown this once. */
  @Post('webhooks')
  @RequirePermission(Permission.WebhookManage)
  async create(
    @RequestActor() actor: ChannelActor,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretResponse> {
    return withSecret(await this.webhooks.create(actor, body));
  }

  @Get('webhooks/:id')
  @RequirePermission(Permission.WebhookManage)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.webhooks.get(actor.channelId, id));
  }

  /** URL, events, description, enabled; `version` is required (409 when stale). */
  @Put('webhooks/:id')
  @RequirePermission(Permission.WebhookManage)
  async update(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.webhooks.update(actor, id, body));
  }

  /** Deletes the endpoint with its delivery log. */
  @Delete('webhooks/:id')
  @RequirePermission(Permission.WebhookManage)
  async remove(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.webhooks.remove(actor, id));
  }

  /** A new secret at once (the old one stops working); the answer shows it this once. */
  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @RequirePermission(Permission.WebhookManage)
  async rotateSecret(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookWithSecretResponse> {
    return withSecret(await this.webhooks.rotateSecret(actor, id));
  }

  /** Sends a `ping` now and answers with the delivery and its first attempt. */
  @Post('webhooks/:id/test')
  @HttpCode(200)
  @RequirePermission(Permission.WebhookManage)
  async test(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookDeliveryDetailResponse> {
    return toDetail(await this.webhooks.test(actor, id));
  }

  /** Newest first; filters: state, eventType. */
  @Get('webhooks/:id/deliveries')
  @RequirePermission(Permission.WebhookManage)
  async deliveries(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @ListQueryParams(WebhookDeliveryListFilter, WEBHOOK_DELIVERY_LIST_RULES)
    query: ListQuery<WebhookDeliveryListFilter>,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<WebhookDeliveryResponse[]> {
    const page = await this.webhooks.deliveries(actor.channelId, id, query);
    return listReply(
      reply,
      'webhook-deliveries',
      query,
      page.items.map(toWebhookDeliveryResponse),
      page.total,
    );
  }

  @Get('webhook-deliveries/:id')
  @RequirePermission(Permission.WebhookManage)
  async delivery(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookDeliveryDetailResponse> {
    return toDetail(await this.webhooks.delivery(actor.channelId, id));
  }

  /** Sends a delivered or failed delivery again, as a new delivery with the same event id. */
  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(202)
  @RequirePermission(Permission.WebhookManage)
  async redeliver(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<WebhookDeliveryResponse> {
    return toWebhookDeliveryResponse(await this.webhooks.redeliver(actor, id));
  }
}
