import { Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { type EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { ChannelsService } from '@app/channels';
import { AfterCommit, TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, JobsService, OnJob, QUEUE_OF_JOB } from '@app/jobs';
import {
  type ChannelCallOptions,
  isKakaoApiError,
  KakaoApiError,
  KakaoClient,
  type PublicEventCreate,
  seriesEventId,
} from '@app/kakao-client';
import { WebhookEventType, WebhooksService } from '@app/webhooks';

import { auditCampaign, type CampaignActor, systemActor } from './campaign-actor';
import { type CampaignOutboxEntity } from './campaign-outbox.entity';
import { CampaignOutboxRepository } from './campaign-outbox.repository';
import { CampaignRevisionRepository } from './campaign-revision.repository';
import { type CampaignEntity } from './campaign.entity';
import { ApprovalState, KakaoState, OutboxAction, OutboxStatus, SyncState } from './campaign.enums';
import { CampaignErrorCode, CampaignException } from './campaign.exception';
import { CampaignRepository } from './campaign.repository';
import { toCampaignResponse } from './campaign.response';
import { toPublicEvent } from './kakao-event-mapping';

/** Attempts of one outbox job; transient Kakao faults back off exponentially between them. */
export const OUTBOX_JOB_ATTEMPTS = 8;
const OUTBOX_BACKOFF_MS = 1_000;
const RELAY_AFTER_MS = 30_000;
/** A campaign is the whole series: edits and deletes of a recurring event apply to all of it. */
const WHOLE_SERIES = { recurUpdateType: 'ALL' } as const;

/**
 * The job of an outbox row. Row ids restart with a new database while Redis may keep its
 * completed jobs, so the campaign's uuid is part of the id: a reused row id never meets an old job.
 */
export function outboxJobId(row: Pick<CampaignOutboxEntity, 'id' | 'campaignId'>): string {
  return `campaign-outbox-${row.campaignId}-${row.id}`;
}

function failureCode(error: unknown): string {
  if (error instanceof KakaoApiError) {
    return error.code !== undefined
      ? String(error.code)
      : (error.errorCode ?? `http_${error.status}`);
  }
  return 'error';
}

function failureMessage(error: unknown): string {
  if (error instanceof KakaoApiError) {
    return error.msg || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Publish, republish and unpublish through a transactional outbox: the request writes the intent
 * with the state change, the worker calls Kakao and writes the result back.
 */
@Injectable()
export class CampaignPublishingService {
  private readonly logger = new Logger(CampaignPublishingService.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly revisions: CampaignRevisionRepository,
    private readonly outbox: CampaignOutboxRepository,
    private readonly channels: ChannelsService,
    private readonly transactions: TransactionRunner,
    private readonly afterCommit: AfterCommit,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly kakao: KakaoClient,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Publish (or republish) the current revision. Repeated requests while one is open are no-ops. */
  async requestPublish(actor: CampaignActor, id: string): Promise<CampaignEntity> {
    const channel = await this.channels.get(actor.channelId);
    const { campaign } = await this.withOutboxJob(async (manager) => {
      const campaign = await this.lockActive(manager, actor.channelId, id);
      const open = await this.outbox.openFor(manager, id);
      if (open) {
        return { campaign, row: open };
      }
      if (
        channel.approvalRequired &&
        (campaign.approvalState !== ApprovalState.Approved ||
          campaign.approvedRevision !== campaign.revision)
      ) {
        throw new CampaignException(
          CampaignErrorCode.NotApproved,
          `Revision ${campaign.revision} is not approved; submit it and have a manager approve it first`,
          undefined,
          { current: toCampaignResponse(campaign) },
        );
      }
      if (
        campaign.syncState === SyncState.Published &&
        campaign.publishedRevision === campaign.revision &&
        campaign.kakaoState !== KakaoState.Missing &&
        campaign.kakaoState !== KakaoState.Drifted
      ) {
        return { campaign, row: undefined };
      }
      const before = toCampaignResponse(campaign);
      const row = await this.outbox.add(manager, {
        campaignId: id,
        channelId: actor.channelId,
        action: OutboxAction.Publish,
        revision: campaign.revision,
      });
      campaign.syncState = SyncState.Publishing;
      campaign.lastErrorCode = null;
      campaign.lastErrorMessage = null;
      const saved = await this.campaigns.save(manager, campaign);
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.publish_request',
        id,
        before,
        toCampaignResponse(saved),
      );
      return { campaign: saved, row };
    });
    return campaign;
  }

  async requestUnpublish(actor: CampaignActor, id: string): Promise<CampaignEntity> {
    const { campaign } = await this.withOutboxJob(async (manager) => {
      const campaign = await this.lockActive(manager, actor.channelId, id);
      const open = await this.outbox.openFor(manager, id);
      if (open?.action === OutboxAction.Unpublish) {
        return { campaign, row: open };
      }
      if (open || campaign.kakaoEventId === null) {
        throw new CampaignException(
          CampaignErrorCode.NotPublished,
          open
            ? 'A publish is still in progress; unpublish when it has finished'
            : 'The campaign is not published',
          undefined,
          { current: toCampaignResponse(campaign) },
        );
      }
      const before = toCampaignResponse(campaign);
      const row = await this.outbox.add(manager, {
        campaignId: id,
        channelId: actor.channelId,
        action: OutboxAction.Unpublish,
        revision: null,
      });
      campaign.syncState = SyncState.Unpublishing;
      const saved = await this.campaigns.save(manager, campaign);
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.unpublish_request',
        id,
        before,
        toCampaignResponse(saved),
      );
      return { campaign: saved, row };
    });
    return campaign;
  }

  /**
   * Runs `work` in a transaction; the outbox row it answers gets its job once the transaction has
   * committed (never for a rollback). A lost enqueue is repaired by the relay.
   */
  private withOutboxJob<T extends { row?: CampaignOutboxEntity }>(
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.transactions.run(async (manager) => {
      const result = await work(manager);
      const { row } = result;
      if (row) {
        this.afterCommit.defer(manager, () => void this.enqueue(row));
      }
      return result;
    });
  }

  /** After the commit: a lost enqueue (Redis down) is repaired by the relay. */
  private async enqueue(row: CampaignOutboxEntity): Promise<void> {
    try {
      await this.jobs.queue(
        JobName.CampaignOutboxProcess,
        { outboxId: row.id, channelId: row.channelId },
        {
          jobId: outboxJobId(row),
          attempts: OUTBOX_JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: OUTBOX_BACKOFF_MS },
        },
      );
    } catch (error) {
      this.logger.warn(
        `Outbox ${row.id} saved but not queued (${failureMessage(error)}); the relay will queue it`,
      );
    }
  }

  @OnJob(JobName.CampaignOutboxProcess)
  async processOutbox(data: JobPayloads[JobName.CampaignOutboxProcess], job: Job): Promise<void> {
    const row = await this.outbox.get(data.outboxId);
    if (!row || row.status !== OutboxStatus.Pending) {
      return;
    }
    const channel = await this.channels.get(row.channelId);
    const call: ChannelCallOptions = {
      adminKey: this.channels.credentials(channel).adminKey,
      channelPublicId: channel.channelPublicId,
    };
    try {
      if (row.action === OutboxAction.Publish) {
        await this.publish(row, call);
      } else {
        await this.unpublish(row, call);
      }
    } catch (error) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const transient = !isKakaoApiError(error) || error.retryable;
      if (transient && !finalAttempt) {
        await this.outbox
          .recordTransientError(row.id, failureCode(error), failureMessage(error))
          .catch(() => undefined);
        throw error;
      }
      await this.fail(row, error);
      throw new UnrecoverableError(failureMessage(error));
    }
  }

  private async publish(row: CampaignOutboxEntity, call: ChannelCallOptions): Promise<void> {
    const campaign = await this.campaigns.findInChannel(row.channelId, row.campaignId);
    const revision = await this.revisions.get(row.campaignId, row.revision ?? 0);
    if (!campaign || !revision) {
      await this.fail(row, new Error('The campaign or its revision no longer exists'));
      return;
    }
    const event = toPublicEvent(revision.snapshot.content);
    let eventId = campaign.kakaoEventId;
    if (eventId !== null) {
      await this.outbox.countAttempt(row.id, false);
      eventId = (
        await this.kakao.publicEvents.upsertPublicEvent(
          { eventId, event },
          { ...call, ...WHOLE_SERIES, retries: 0 },
        )
      ).eventId;
    } else {
      eventId = row.createCalls > 0 ? await this.findOrphan(campaign, event, call) : null;
      if (eventId === null) {
        // Counted before the call: if we die during it, the next attempt looks for the event first.
        await this.outbox.countAttempt(row.id, true);
        eventId = await this.kakao.publicEvents.createPublicEvent(event, { ...call, retries: 0 });
      } else {
        await this.outbox.countAttempt(row.id, false);
        await this.kakao.publicEvents.updatePublicEvent(eventId, event, {
          ...call,
          ...WHOLE_SERIES,
          retries: 0,
        });
      }
    }
    const publishedEventId = eventId;
    await this.transactions.run(async (manager) => {
      const locked = await this.campaigns.lock(manager, row.campaignId);
      const current = await this.outbox.lock(manager, row.id);
      if (!locked || !current || current.status !== OutboxStatus.Pending) {
        return;
      }
      const before = toCampaignResponse(locked);
      locked.kakaoEventId = publishedEventId;
      locked.publishedRevision = row.revision;
      locked.publishedAt = new Date();
      locked.syncState =
        locked.revision === row.revision ? SyncState.Published : SyncState.ChangedSincePublish;
      locked.kakaoState = KakaoState.InSync;
      locked.kakaoCheckedAt = new Date();
      locked.lastErrorCode = null;
      locked.lastErrorMessage = null;
      const saved = await this.campaigns.saveKakaoStatus(manager, locked);
      current.status = OutboxStatus.Done;
      current.processedAt = new Date();
      await this.outbox.save(manager, current);
      await auditCampaign(
        this.audit,
        manager,
        systemActor(row.channelId),
        'campaign.published',
        row.campaignId,
        before,
        toCampaignResponse(saved),
      );
      await this.webhooks.emit(manager, row.channelId, WebhookEventType.CampaignPublished, {
        campaignId: saved.id,
        name: saved.name,
        revision: saved.publishedRevision,
        kakaoEventId: saved.kakaoEventId,
        publishedAt: saved.publishedAt?.toISOString() ?? null,
        syncState: saved.syncState,
      });
    });
  }

  /**
   * A create call of an earlier attempt may have reached Kakao before the worker died. Kakao has
   * no idempotency key, so look for an event with our title and start that no campaign owns.
   */
  private async findOrphan(
    campaign: CampaignEntity,
    event: PublicEventCreate,
    call: ChannelCallOptions,
  ): Promise<string | null> {
    const start = Date.parse(event.time.start_at);
    const day = 24 * 3600 * 1000;
    const candidates: string[] = [];
    for await (const brief of this.kakao.publicEvents.publicEvents(
      {
        channel_public_id: call.channelPublicId,
        from: new Date(start - day),
        to: new Date(start + day),
        limit: 1000,
      },
      call,
    )) {
      if (brief.title === event.title && brief.time.start_at === event.time.start_at) {
        candidates.push(seriesEventId(brief.id));
      }
    }
    const owned = new Set(
      (await this.campaigns.byKakaoEventIds(campaign.channelId, candidates)).map(
        (c) => c.kakaoEventId,
      ),
    );
    return candidates.find((id) => !owned.has(id)) ?? null;
  }

  private async unpublish(row: CampaignOutboxEntity, call: ChannelCallOptions): Promise<void> {
    const campaign = await this.campaigns.findInChannel(row.channelId, row.campaignId);
    if (!campaign) {
      await this.fail(row, new Error('The campaign no longer exists'));
      return;
    }
    await this.outbox.countAttempt(row.id, false);
    if (campaign.kakaoEventId !== null) {
      try {
        await this.kakao.publicEvents.deletePublicEvent(campaign.kakaoEventId, {
          ...call,
          ...WHOLE_SERIES,
        });
      } catch (error) {
        // Already gone at Kakao is what we wanted.
        if (!(isKakaoApiError(error) && (error.status === 404 || error.code === -2))) {
          throw error;
        }
      }
    }
    await this.transactions.run(async (manager) => {
      const locked = await this.campaigns.lock(manager, row.campaignId);
      const current = await this.outbox.lock(manager, row.id);
      if (!locked || !current || current.status !== OutboxStatus.Pending) {
        return;
      }
      const before = toCampaignResponse(locked);
      locked.kakaoEventId = null;
      locked.publishedRevision = null;
      locked.publishedAt = null;
      locked.syncState = SyncState.Draft;
      locked.kakaoState = KakaoState.Unknown;
      locked.lastErrorCode = null;
      locked.lastErrorMessage = null;
      const saved = await this.campaigns.saveKakaoStatus(manager, locked);
      current.status = OutboxStatus.Done;
      current.processedAt = new Date();
      await this.outbox.save(manager, current);
      await auditCampaign(
        this.audit,
        manager,
        systemActor(row.channelId),
        'campaign.unpublished',
        row.campaignId,
        before,
        toCampaignResponse(saved),
      );
    });
  }

  /** A permanent failure: the draft stays as it was; the campaign shows why. */
  private async fail(row: CampaignOutboxEntity, error: unknown): Promise<void> {
    await this.transactions.run(async (manager) => {
      const locked = await this.campaigns.lock(manager, row.campaignId);
      const current = await this.outbox.lock(manager, row.id);
      if (!current || current.status !== OutboxStatus.Pending) {
        return;
      }
      current.status = OutboxStatus.Failed;
      current.lastErrorCode = failureCode(error);
      current.lastErrorMessage = failureMessage(error);
      current.processedAt = new Date();
      await this.outbox.save(manager, current);
      if (!locked) {
        return;
      }
      const before = toCampaignResponse(locked);
      locked.syncState = SyncState.Failed;
      locked.lastErrorCode = current.lastErrorCode;
      locked.lastErrorMessage = current.lastErrorMessage;
      const saved = await this.campaigns.saveKakaoStatus(manager, locked);
      await auditCampaign(
        this.audit,
        manager,
        systemActor(row.channelId),
        row.action === OutboxAction.Publish
          ? 'campaign.publish_failed'
          : 'campaign.unpublish_failed',
        row.campaignId,
        before,
        toCampaignResponse(saved),
      );
      if (row.action === OutboxAction.Publish) {
        await this.webhooks.emit(manager, row.channelId, WebhookEventType.CampaignPublishFailed, {
          campaignId: saved.id,
          name: saved.name,
          revision: row.revision,
          errorCode: saved.lastErrorCode,
          errorMessage: saved.lastErrorMessage,
        });
      }
    });
    this.logger.warn(`Outbox ${row.id} (${row.action}) failed: ${failureMessage(error)}`);
  }

  /** Queues pending rows whose job was lost: after a Redis flush or a failed enqueue. */
  @OnJob(JobName.CampaignOutboxRelay)
  async relay(): Promise<number> {
    const stale = await this.outbox.stalePending(new Date(Date.now() - RELAY_AFTER_MS));
    const queue = this.jobs.queueFor(QUEUE_OF_JOB[JobName.CampaignOutboxProcess]);
    let requeued = 0;
    for (const row of stale) {
      const existing = await queue.getJob(outboxJobId(row));
      const state = existing ? await existing.getState() : 'missing';
      if (state === 'completed' || state === 'failed') {
        await existing?.remove();
      } else if (state !== 'missing' && state !== 'unknown') {
        continue;
      }
      await this.enqueue(row);
      requeued += 1;
    }
    if (requeued > 0) {
      this.logger.log(`Re-queued ${requeued} outbox rows`);
    }
    return requeued;
  }

  private async lockActive(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<CampaignEntity> {
    const campaign = await this.campaigns.lockInChannel(manager, channelId, id);
    if (!campaign) {
      throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
    }
    if (campaign.archivedAt !== null) {
      throw new CampaignException(CampaignErrorCode.Archived, 'The campaign is archived');
    }
    return campaign;
  }
}
