import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { type WebhookDeliveryListFilter } from './webhook-list.filter';
import { WebhookDeliveryState } from './webhook.enums';

export type NewWebhookDelivery = Pick<
  WebhookDeliveryEntity,
  'endpointId' | 'channelId' | 'eventType' | 'eventId' | 'payload' | 'nextAttemptAt'
>;

export type NewWebhookAttempt = Omit<WebhookAttemptEntity, 'id'>;

/** What an attempt came to, written back to its delivery. */
export interface DeliveryOutcome {
  state: WebhookDeliveryState;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

const ENDPOINT_SORT: Record<string, string> = {
  id: 'endpoint.id',
  createdAt: 'endpoint.createdAt',
  updatedAt: 'endpoint.updatedAt',
  url: 'endpoint.url',
};

/** Every query on the three webhook tables. */
@Injectable()
export class WebhooksRepository {
  constructor(
    @InjectRepository(WebhookEndpointEntity)
    private readonly endpoints: Repository<WebhookEndpointEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectRepository(WebhookAttemptEntity)
    private readonly attempts: Repository<WebhookAttemptEntity>,
  ) {}

  async endpointPage(channelId: string, query: ListQuery): Promise<Page<WebhookEndpointEntity>> {
    const [items, total] = await this.endpoints
      .createQueryBuilder('endpoint')
      .where('endpoint.channelId = :channelId', { channelId })
      .orderBy(ENDPOINT_SORT[query.sort.field] ?? 'endpoint.createdAt', query.sort.order)
      .addOrderBy('endpoint.id', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }

  endpointInChannel(channelId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints.findOneBy({ channelId, id });
  }

  endpointById(id: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints.findOneBy({ id });
  }

  lockEndpoint(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<WebhookEndpointEntity | null> {
    return manager.findOne(WebhookEndpointEntity, {
      where: { channelId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  saveEndpoint(
    manager: EntityManager,
    endpoint: WebhookEndpointEntity,
  ): Promise<WebhookEndpointEntity> {
    return manager.save(WebhookEndpointEntity, endpoint);
  }

  async removeEndpoint(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(WebhookEndpointEntity, { id });
  }

  /** The channel's enabled endpoints that subscribe to the event. */
  subscribedEndpoints(
    manager: EntityManager,
    channelId: string,
    eventType: string,
  ): Promise<WebhookEndpointEntity[]> {
    return manager
      .createQueryBuilder(WebhookEndpointEntity, 'endpoint')
      .where('endpoint.channelId = :channelId', { channelId })
      .andWhere('endpoint.enabled')
      .andWhere(':eventType = ANY(endpoint.events)', { eventType })
      .orderBy('endpoint.createdAt', 'ASC')
      .getMany();
  }

  insertDeliveries(
    manager: EntityManager,
    rows: NewWebhookDelivery[],
  ): Promise<WebhookDeliveryEntity[]> {
    return manager.save(
      WebhookDeliveryEntity,
      rows.map((row) => manager.create(WebhookDeliveryEntity, row)),
    );
  }

  async deliveryPage(
    endpointId: string,
    filter: WebhookDeliveryListFilter,
    query: ListQuery,
  ): Promise<Page<WebhookDeliveryEntity>> {
    const [items, total] = await this.deliveries.findAndCount({
      where: {
        endpointId,
        ...(filter.state !== undefined ? { state: filter.state } : {}),
        ...(filter.eventType !== undefined
          ? { eventType: filter.eventType as WebhookDeliveryEntity['eventType'] }
          : {}),
      },
      order: { createdAt: query.sort.order, id: query.sort.order },
      skip: query.range.start,
      take: query.range.end - query.range.start + 1,
    });
    return { items, total };
  }

  deliveryInChannel(channelId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.deliveries.findOneBy({ channelId, id });
  }

  attemptsOf(deliveryId: string): Promise<WebhookAttemptEntity[]> {
    return this.attempts.find({ where: { deliveryId }, order: { attemptNo: 'ASC', id: 'ASC' } });
  }

  /**
   * Takes a due, pending delivery for one attempt: counts the attempt and pushes its due time
   * `leaseMs` ahead, so nobody else (a duplicate job, the sweeper) starts it meanwhile. Null when
   * it is not pending or not due (another worker has it; it was delivered meanwhile).
   */
  async claim(id: string, leaseMs: number): Promise<WebhookDeliveryEntity | null> {
    const now = Date.now();
    const result = await this.deliveries
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .set({ attempts: () => 'attempts + 1', nextAttemptAt: new Date(now + leaseMs) })
      .where('id = :id AND state = :pending AND next_attempt_at <= :dueBy', {
        id,
        pending: WebhookDeliveryState.Pending,
        // A delayed job may fire a little early: a second of slack.
        dueBy: new Date(now + 1000),
      })
      .execute();
    return result.affected ? this.deliveries.findOneBy({ id }) : null;
  }

  /** Writes the attempt and its outcome together. */
  async recordAttempt(
    manager: EntityManager,
    attempt: NewWebhookAttempt,
    outcome: DeliveryOutcome,
  ): Promise<void> {
    await manager.insert(WebhookAttemptEntity, attempt);
    await manager.update(WebhookDeliveryEntity, { id: attempt.deliveryId }, outcome);
  }

  /** Ends a pending delivery without an attempt (its endpoint was disabled). */
  async settle(id: string, outcome: DeliveryOutcome): Promise<void> {
    await this.deliveries.update({ id, state: WebhookDeliveryState.Pending }, outcome);
  }

  /** Pending deliveries due before `before`: their job may be gone. */
  overdue(before: Date, limit = 500): Promise<WebhookDeliveryEntity[]> {
    return this.deliveries
      .createQueryBuilder('delivery')
      .where('delivery.state = :pending AND delivery.nextAttemptAt < :before', {
        pending: WebhookDeliveryState.Pending,
        before,
      })
      .orderBy('delivery.nextAttemptAt', 'ASC')
      .limit(limit)
      .getMany();
  }
}
