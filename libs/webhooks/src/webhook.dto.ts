import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';

import { Omittable } from '@app/common';

import { type WebhookAttemptEntity } from './webhook-attempt.entity';
import { type WebhookDeliveryEntity } from './webhook-delivery.entity';
import { type WebhookEndpointEntity } from './webhook-endpoint.entity';
import { IsWebhookUrl, normalizeWebhookUrl } from './webhook-url';
import {
  type WebhookDeliveryEvent,
  type WebhookDeliveryState,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './webhook.enums';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Trimmed and, when it parses, serialized as the WHATWG parser reads it (see normalizeWebhookUrl). */
const webhookUrl = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normalizeWebhookUrl(value.trim()) : value;

const EVENTS_MESSAGE = `each value in events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`;

/** `POST /api/webhooks`. */
export class CreateWebhookDto {
  @Transform(webhookUrl)
  @IsWebhookUrl()
  url!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events!: WebhookEventType[];

  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;

  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

/** `PUT /api/webhooks/:id`: omitted fields stay; `version` is required (409 when stale). */
export class UpdateWebhookDto {
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @Transform(webhookUrl)
  @IsWebhookUrl()
  url?: string;

  @Omittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEventType[];

  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;

  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpointResponse {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The answer of create and rotate-secret: the only times the secret is shown. */
export interface WebhookWithSecretResponse extends WebhookEndpointResponse {
  secret: string;
}

export interface WebhookDeliveryResponse {
  id: string;
  endpointId: string;
  eventType: WebhookDeliveryEvent;
  eventId: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttemptResponse {
  id: string;
  attemptNo: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
}

/** `GET /api/webhook-deliveries/:id`: the delivery, its body and every attempt. */
export interface WebhookDeliveryDetailResponse extends WebhookDeliveryResponse {
  payload: unknown;
  attemptLog: WebhookAttemptResponse[];
}

export function toWebhookEndpointResponse(row: WebhookEndpointEntity): WebhookEndpointResponse {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryResponse(row: WebhookDeliveryEntity): WebhookDeliveryResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventType: row.eventType,
    eventId: row.eventId,
    state: row.state,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWebhookAttemptResponse(row: WebhookAttemptEntity): WebhookAttemptResponse {
  return {
    id: row.id,
    attemptNo: row.attemptNo,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    error: row.error,
    responseBody: row.responseBody,
  };
}

/** What the audit trail records of an endpoint: the API view without timestamps. */
export function webhookAuditSnapshot(row: WebhookEndpointEntity): Record<string, unknown> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = toWebhookEndpointResponse(row);
  return rest;
}
