import { randomUUID } from 'node:crypto';

import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Agent } from 'undici';

import { type AuditActor, AuditService } from '@app/audit';
import { type ListQuery, type Page, SecretBox } from '@app/common';
import { AppConfig } from '@app/config';
import { AfterCommit, TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, JobsService, OnJob, QUEUE_OF_JOB } from '@app/jobs';

import { type WebhookAttemptEntity } from './webhook-attempt.entity';
import { nextWebhookAttemptAt } from './webhook-backoff';
import { type WebhookDeliveryEntity } from './webhook-delivery.entity';
import {
  createWebhookDispatcher,
  type WebhookEgressPolicy,
  webhookEgressPolicy,
} from './webhook-egress';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { type WebhookEnvelope, type WebhookEventData } from './webhook-events';
import { type WebhookDeliveryListFilter } from './webhook-list.filter';
import { countWebhookAttempt } from './webhook-metrics';
import { postWebhook } from './webhook-sender';
import { generateWebhookSecret } from './webhook-signature';
import { webhookTargetProblem } from './webhook-url';
import { type CreateWebhookDto, type UpdateWebhookDto, webhookAuditSnapshot } from './webhook.dto';
import { PING_EVENT, WebhookDeliveryState, type WebhookEventType } from './webhook.enums';
import { WebhookErrorCode, WebhookException } from './webhook.exception';
import { type NewWebhookDelivery, WebhooksRepository } from './webhooks.repository';

/** An admin acting in a channel: every change is attributed in the audit log. */
export type WebhookActor = AuditActor & { channelId: string };

/** Pending deliveries this long overdue are re-queued by the sweeper (their job may be lost). */
const SWEEP_GRACE_MS = 2_000;
/** An attempt in flight holds its delivery this much longer than its timeout. */
const LEASE_MARGIN_MS = 20_000;

export function deliverJobId(deliveryId: string, attemptNo: number): string {
  return `webhook-${deliveryId}-${attemptNo}`;
}

/** An endpoint and, on create and rotate only, its secret in clear text. */
export interface WebhookWithSecret {
  endpoint: WebhookEndpointEntity;
  secret: string;
}

export interface WebhookDeliveryDetail {
  delivery: WebhookDeliveryEntity;
  attempts: WebhookAttemptEntity[];
}

function notFound(id: string): WebhookException {
  return new WebhookException(WebhookErrorCode.NotFound, `Webhook ${id} not found`);
}

/**
 * Outbound webhooks: admins register endpoints per channel; domain code emits events inside its
 * own transactions (an outbox); the worker posts each delivery, signed, retrying with backoff,
 * and logs every attempt.
 */
@Injectable()
export class WebhooksService implements OnModuleDestroy {
  private readonly logger = new Logger(WebhooksService.name);
  private readonly egressPolicy: WebhookEgressPolicy;
  /** Every delivery connects through it: it refuses addresses the policy does not admit. */
  private readonly dispatcher: Agent;

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    private readonly afterCommit: AfterCommit,
  ) {
    this.egressPolicy = webhookEgressPolicy(config.webhooks);
    this.dispatcher = createWebhookDispatcher(this.egressPolicy, {
      connectTimeoutMs: config.webhooks.timeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }

  /** 400 when the URL as written points at a host the egress policy does not admit. */
  private assertTargetAdmitted(url: string): void {
    const problem = webhookTargetProblem(url, this.egressPolicy);
    if (problem !== null) {
      throw new WebhookException(WebhookErrorCode.Invalid, `url ${problem}`, { url: problem });
    }
  }

  // --- Emission -----------------------------------------------------------------------------

  /**
   * Records the event for every enabled endpoint of the channel that subscribes to it, inside the
   * caller's transaction: the deliveries commit (or roll back) with the change they report, and
   * their jobs are queued after the commit. Returns how many deliveries were written.
   */
  async emit<E extends WebhookEventType>(
    manager: EntityManager,
    channelId: string,
    type: E,
    data: WebhookEventData[E],
  ): Promise<number> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('WebhooksService.emit needs the EntityManager of an open transaction');
    }
    const endpoints = await this.repository.subscribedEndpoints(manager, channelId, type);
    if (endpoints.length === 0) {
      return 0;
    }
    const now = new Date();
    const envelope: WebhookEnvelope<E> = {
      id: randomUUID(),
      type,
      createdAt: now.toISOString(),
      channelId,
      data,
    };
    const rows = await this.repository.insertDeliveries(
      manager,
      endpoints.map((endpoint) => this.newDelivery(endpoint, envelope, now)),
    );
    this.afterCommit.defer(manager, () => {
      for (const row of rows) {
        void this.enqueue(row, 0);
      }
    });
    return rows.length;
  }

  private newDelivery(
    endpoint: WebhookEndpointEntity,
    envelope: WebhookEnvelope,
    now: Date,
  ): NewWebhookDelivery {
    return {
      endpointId: endpoint.id,
      channelId: endpoint.channelId,
      eventType: envelope.type,
      eventId: envelope.id,
      payload: envelope,
      nextAttemptAt: now,
    };
  }

  /** Queues the delivery's next attempt; a lost enqueue (Redis away) is left to the sweeper. */
  private async enqueue(delivery: WebhookDeliveryEntity, delayMs: number): Promise<void> {
    try {
      await this.jobs.queue(
        JobName.WebhookDeliver,
        { deliveryId: delivery.id, channelId: delivery.channelId },
        {
          jobId: deliverJobId(delivery.id, delivery.attempts + 1),
          delay: Math.max(0, delayMs),
          // Only for faults of our own (database); the endpoint's answers are retried by us.
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
        },
      );
    } catch (error) {
      this.logger.warn(
        `Webhook delivery ${delivery.id} not queued (${error instanceof Error ? error.message : String(error)}); the sweeper will queue it`,
      );
    }
  }

  // --- Delivery -----------------------------------------------------------------------------

  @OnJob(JobName.WebhookDeliver)
  async deliver(data: JobPayloads[JobName.WebhookDeliver]): Promise<void> {
    await this.attempt(data.deliveryId);
  }

  /**
   * One attempt: claims the delivery, posts it, logs the attempt and either settles it or plans
   * the next try. Does nothing when the delivery is not pending and due.
   */
  private async attempt(deliveryId: string): Promise<void> {
    const { timeoutMs, retryBaseMs } = this.config.webhooks;
    const delivery = await this.repository.claim(deliveryId, timeoutMs + LEASE_MARGIN_MS);
    if (!delivery) {
      return;
    }
    const endpoint = await this.repository.endpointById(delivery.endpointId);
    if (!endpoint) {
      return;
    }
    if (!endpoint.enabled && delivery.eventType !== PING_EVENT) {
      await this.repository.settle(delivery.id, {
        state: WebhookDeliveryState.Failed,
        lastStatusCode: null,
        lastError: 'the endpoint is disabled',
        nextAttemptAt: null,
        deliveredAt: null,
      });
      return;
    }
    const result = await postWebhook(
      {
        url: endpoint.url,
        secret: this.secretBox.decrypt(endpoint.secretSealed),
        deliveryId: delivery.id,
        eventType: delivery.eventType,
        body: JSON.stringify(delivery.payload),
        timeoutMs,
      },
      this.dispatcher,
    );
    const finishedAt = new Date();
    const next = result.delivered
      ? null
      : nextWebhookAttemptAt(delivery.attempts, retryBaseMs, finishedAt);
    await this.transactions.run((manager) =>
      this.repository.recordAttempt(
        manager,
        {
          deliveryId: delivery.id,
          attemptNo: delivery.attempts,
          startedAt: result.startedAt,
          durationMs: result.durationMs,
          statusCode: result.statusCode,
          error: result.error,
          responseBody: result.responseBody,
        },
        {
          state: result.delivered
            ? WebhookDeliveryState.Delivered
            : next
              ? WebhookDeliveryState.Pending
              : WebhookDeliveryState.Failed,
          lastStatusCode: result.statusCode,
          lastError: result.error,
          nextAttemptAt: next,
          deliveredAt: result.delivered ? finishedAt : null,
        },
      ),
    );
    countWebhookAttempt(result.delivered, next !== null);
    if (next) {
      await this.enqueue(delivery, next.getTime() - Date.now());
    }
  }

  /** Re-queues pending deliveries whose job was lost: after a Redis flush or a failed enqueue. */
  @OnJob(JobName.WebhookSweep)
  async sweep(): Promise<number> {
    const overdue = await this.repository.overdue(new Date(Date.now() - SWEEP_GRACE_MS));
    const queue = this.jobs.queueFor(QUEUE_OF_JOB[JobName.WebhookDeliver]);
    let requeued = 0;
    for (const delivery of overdue) {
      const existing = await queue.getJob(deliverJobId(delivery.id, delivery.attempts + 1));
      const state = existing ? await existing.getState() : 'missing';
      if (state === 'completed' || state === 'failed') {
        await existing?.remove().catch(() => undefined);
      } else if (state !== 'missing' && state !== 'unknown') {
        continue;
      }
      await this.enqueue(delivery, 0);
      requeued += 1;
    }
    if (requeued > 0) {
      this.logger.log(`Re-queued ${requeued} webhook deliveries`);
    }
    return requeued;
  }

  /** Worker start: sweep once now (Redis keeps nothing on disk), then on a schedule. */
  async startSweeping(): Promise<void> {
    await this.sweep();
    await this.jobs.schedule(
      'webhook-sweep',
      JobName.WebhookSweep,
      {},
      this.config.webhooks.sweepMs,
    );
  }

  // --- Endpoints ----------------------------------------------------------------------------

  list(channelId: string, query: ListQuery): Promise<Page<WebhookEndpointEntity>> {
    return this.repository.endpointPage(channelId, query);
  }

  async get(channelId: string, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.repository.endpointInChannel(channelId, id);
    if (!endpoint) {
      throw notFound(id);
    }
    return endpoint;
  }

  /** A new endpoint with a new secret, which the answer shows this once. */
  async create(actor: WebhookActor, input: CreateWebhookDto): Promise<WebhookWithSecret> {
    this.assertTargetAdmitted(input.url);
    const secret = generateWebhookSecret();
    const endpoint = await this.transactions.run(async (manager) => {
      const saved = await this.repository.saveEndpoint(
        manager,
        manager.create(WebhookEndpointEntity, {
          channelId: actor.channelId,
          url: input.url,
          events: input.events,
          description: input.description ?? '',
          enabled: input.enabled ?? true,
          secretSealed: this.secretBox.encrypt(secret),
          createdBy: actor.userId,
        }),
      );
      await this.record(
        manager,
        actor,
        'webhook.create',
        saved.id,
        null,
        webhookAuditSnapshot(saved),
      );
      return saved;
    });
    return { endpoint, secret };
  }

  /** Changes the endpoint under optimistic concurrency: a stale `version` answers 409. */
  async update(
    actor: WebhookActor,
    id: string,
    input: UpdateWebhookDto,
  ): Promise<WebhookEndpointEntity> {
    if (input.url !== undefined) {
      this.assertTargetAdmitted(input.url);
    }
    return this.transactions.run(async (manager) => {
      const endpoint = await this.lockCurrent(manager, actor.channelId, id, input.version);
      const before = webhookAuditSnapshot(endpoint);
      let changed = false;
      for (const field of ['url', 'events', 'description', 'enabled'] as const) {
        const value = input[field];
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(endpoint[field])) {
          Object.assign(endpoint, { [field]: value });
          changed = true;
        }
      }
      if (!changed) {
        return endpoint;
      }
      const saved = await this.repository.saveEndpoint(manager, endpoint);
      await this.record(manager, actor, 'webhook.update', id, before, webhookAuditSnapshot(saved));
      return saved;
    });
  }

  /** Deletes the endpoint with its deliveries and their attempts. */
  async remove(actor: WebhookActor, id: string): Promise<WebhookEndpointEntity> {
    return this.transactions.run(async (manager) => {
      const endpoint = await this.repository.lockEndpoint(manager, actor.channelId, id);
      if (!endpoint) {
        throw notFound(id);
      }
      await this.repository.removeEndpoint(manager, id);
      await this.record(manager, actor, 'webhook.delete', id, webhookAuditSnapshot(endpoint), null);
      return endpoint;
    });
  }

  /** A new secret at once; the old one stops working. The answer shows the new one this once. */
  async rotateSecret(actor: WebhookActor, id: string): Promise<WebhookWithSecret> {
    const secret = generateWebhookSecret();
    const endpoint = await this.transactions.run(async (manager) => {
      const endpoint = await this.repository.lockEndpoint(manager, actor.channelId, id);
      if (!endpoint) {
        throw notFound(id);
      }
      const before = webhookAuditSnapshot(endpoint);
      endpoint.secretSealed = this.secretBox.encrypt(secret);
      const saved = await this.repository.saveEndpoint(manager, endpoint);
      await this.record(manager, actor, 'webhook.rotate_secret', id, before, {
        ...webhookAuditSnapshot(saved),
        secretRotated: true,
      });
      return saved;
    });
    return { endpoint, secret };
  }

  /**
   * Sends a `ping` to the endpoint now (enabled or not) and answers with how the first attempt
   * went; a failed ping is retried like any delivery.
   */
  async test(actor: WebhookActor, id: string): Promise<WebhookDeliveryDetail> {
    const delivery = await this.transactions.run(async (manager) => {
      const endpoint = await this.repository.lockEndpoint(manager, actor.channelId, id);
      if (!endpoint) {
        throw notFound(id);
      }
      const now = new Date();
      const envelope: WebhookEnvelope<typeof PING_EVENT> = {
        id: randomUUID(),
        type: PING_EVENT,
        createdAt: now.toISOString(),
        channelId: actor.channelId,
        data: { endpointId: id, message: 'Test event from the Kakao Channel Campaign Console' },
      };
      const [row] = await this.repository.insertDeliveries(manager, [
        this.newDelivery(endpoint, envelope, now),
      ]);
      await this.record(manager, actor, 'webhook.test', id, null, { deliveryId: row.id });
      return row;
    });
    await this.attempt(delivery.id);
    return this.delivery(actor.channelId, delivery.id);
  }

  private async lockCurrent(
    manager: EntityManager,
    channelId: string,
    id: string,
    version: number,
  ): Promise<WebhookEndpointEntity> {
    const endpoint = await this.repository.lockEndpoint(manager, channelId, id);
    if (!endpoint) {
      throw notFound(id);
    }
    if (endpoint.version !== version) {
      throw new WebhookException(
        WebhookErrorCode.VersionConflict,
        `Webhook ${id} was changed by someone else (version ${endpoint.version}, you sent ${version})`,
        undefined,
        { current: webhookAuditSnapshot(endpoint) },
      );
    }
    return endpoint;
  }

  private record(
    manager: EntityManager,
    actor: WebhookActor,
    action: string,
    entityId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    const entityType = action === 'webhook.redeliver' ? 'webhook_delivery' : 'webhook';
    return this.audit.record(manager, { actor, action, entityType, entityId, before, after });
  }

  // --- Deliveries ---------------------------------------------------------------------------

  async deliveries(
    channelId: string,
    endpointId: string,
    query: ListQuery<WebhookDeliveryListFilter>,
  ): Promise<Page<WebhookDeliveryEntity>> {
    await this.get(channelId, endpointId);
    return this.repository.deliveryPage(endpointId, query.filter, query);
  }

  async delivery(channelId: string, id: string): Promise<WebhookDeliveryDetail> {
    const delivery = await this.repository.deliveryInChannel(channelId, id);
    if (!delivery) {
      throw new WebhookException(
        WebhookErrorCode.DeliveryNotFound,
        `Webhook delivery ${id} not found`,
      );
    }
    return { delivery, attempts: await this.repository.attemptsOf(id) };
  }

  /**
   * Sends a finished delivery again as a new delivery with the same body and event id (so the
   * receiver can tell it is the same event). A delivery still pending is retried already: 409.
   */
  async redeliver(actor: WebhookActor, id: string): Promise<WebhookDeliveryEntity> {
    const { delivery: original } = await this.delivery(actor.channelId, id);
    if (original.state === WebhookDeliveryState.Pending) {
      throw new WebhookException(
        WebhookErrorCode.DeliveryPending,
        'The delivery is still being retried; redeliver it once it has been delivered or failed',
      );
    }
    return this.transactions.run(async (manager) => {
      const [row] = await this.repository.insertDeliveries(manager, [
        {
          endpointId: original.endpointId,
          channelId: original.channelId,
          eventType: original.eventType,
          eventId: original.eventId,
          payload: original.payload,
          nextAttemptAt: new Date(),
        },
      ]);
      await this.record(manager, actor, 'webhook.redeliver', id, null, {
        deliveryId: row.id,
        eventId: row.eventId,
        eventType: row.eventType,
      });
      this.afterCommit.defer(manager, () => void this.enqueue(row, 0));
      return row;
    });
  }
}
