import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';

import { AuditService } from '@app/audit';
import { ChannelsService, type ChannelEntity } from '@app/channels';
import { type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, OnJob } from '@app/jobs';
import {
  type ChannelCallOptions,
  type EventDetail,
  isKakaoApiError,
  KakaoClient,
  localDate,
  type PublicEventCreate,
  seriesEventId,
} from '@app/kakao-client';
import { WebhookEventType, WebhooksService } from '@app/webhooks';

import { auditCampaign, type CampaignActor, systemActor } from './campaign-actor';
import { CampaignApprovalEntity } from './campaign-approval.entity';
import { type CampaignContent, type CampaignSnapshot } from './campaign-content';
import { CampaignRevisionRepository } from './campaign-revision.repository';
import { applySnapshot, normalizeContent } from './campaign-snapshot';
import { snapshotErrors } from './campaign-validation';
import { CampaignEntity } from './campaign.entity';
import { ApprovalDecision, ApprovalState, KakaoState, SyncState } from './campaign.enums';
import { CampaignErrorCode, CampaignException } from './campaign.exception';
import { CampaignRepository } from './campaign.repository';
import { toCampaignResponse } from './campaign.response';
import { diffWithKakao, type KakaoDifference, toPublicEvent } from './kakao-event-mapping';
import { UnmanagedPublicEventEntity } from './unmanaged-public-event.entity';

const DAY_MS = 24 * 3600 * 1000;
/** How far back and ahead the reconcile job looks for public events nobody manages. */
export const UNMANAGED_WINDOW = { pastDays: 31, futureDays: 365 } as const;
// Kakao lists at most 31 days per call; 30 leaves room for rounding the bounds to the grid.
const WINDOW_DAYS = 30;

export interface KakaoCopy {
  eventId: string | null;
  publishedRevision: number | null;
  ours: PublicEventCreate | null;
  kakao: EventDetail | null;
  kakaoState: KakaoState;
  differences: KakaoDifference[];
  checkedAt: string;
}

export interface ReconcileResult {
  checked: number;
  inSync: number;
  drifted: number;
  missing: number;
  unmanaged: number;
}

function isGone(error: unknown): boolean {
  return isKakaoApiError(error) && (error.status === 404 || error.code === -2);
}

/** Kakao's detail as our content, for importing an unmanaged public event. */
export function contentFromKakao(detail: EventDetail): CampaignContent {
  const timeZone = detail.time.time_zone ?? 'Asia/Seoul';
  const allDay = detail.time.all_day === true;
  const content: CampaignContent = {
    title: detail.title.slice(0, 50),
    allDay,
    timeZone,
    description: detail.description,
    rrule: detail.rrule,
    reminders: detail.reminders,
    color: detail.color,
    lunar: detail.time.lunar || undefined,
  };
  if (allDay) {
    content.startDate = detail.time.start_at.slice(0, 10);
    content.endDate = localDate(Date.parse(detail.time.end_at) - DAY_MS, 'UTC');
  } else {
    content.startsAt = detail.time.start_at;
    content.endsAt = detail.time.end_at;
  }
  if (detail.location?.name) {
    content.location = {
      name: detail.location.name.slice(0, 50),
      address: detail.location.address,
      latitude: detail.location.latitude,
      longitude: detail.location.longitude,
      locationId: detail.location.location_id,
    };
  }
  if (detail.banner) {
    content.banner = {
      pcImageUrl: detail.banner.pc_image_url,
      mobileImageUrl: detail.banner.mobile_image_url,
      bgColor: detail.banner.bg_color,
      webUrl: detail.banner.link?.web_url,
      mobileWebUrl: detail.banner.link?.mobile_web_url,
    };
  }
  return normalizeContent(content);
}

/** Whether Kakao's copy matches ours: on demand, by a repeatable job, and imports of the rest. */
@Injectable()
export class CampaignKakaoCopyService {
  private readonly logger = new Logger(CampaignKakaoCopyService.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly revisions: CampaignRevisionRepository,
    private readonly channels: ChannelsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly kakao: KakaoClient,
    @InjectRepository(UnmanagedPublicEventEntity)
    private readonly unmanaged: Repository<UnmanagedPublicEventEntity>,
    private readonly webhooks: WebhooksService,
  ) {}

  private callOptions(channel: ChannelEntity): ChannelCallOptions {
    return {
      adminKey: this.channels.credentials(channel).adminKey,
      channelPublicId: channel.channelPublicId,
    };
  }

  private async publishedContent(campaign: CampaignEntity): Promise<CampaignContent | null> {
    if (campaign.publishedRevision === null) {
      return null;
    }
    const revision = await this.revisions.get(campaign.id, campaign.publishedRevision);
    return revision?.snapshot.content ?? null;
  }

  /** Compares one campaign with Kakao now, and records what it found. */
  async compare(channelId: string, id: string): Promise<KakaoCopy> {
    const campaign = await this.campaigns.findInChannel(channelId, id);
    if (!campaign) {
      throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
    }
    const channel = await this.channels.get(channelId);
    return this.compareCampaign(campaign, this.callOptions(channel));
  }

  private async compareCampaign(
    campaign: CampaignEntity,
    call: ChannelCallOptions,
  ): Promise<KakaoCopy> {
    const content = await this.publishedContent(campaign);
    const checkedAt = new Date();
    if (campaign.kakaoEventId === null || content === null) {
      return {
        eventId: null,
        publishedRevision: null,
        ours: null,
        kakao: null,
        kakaoState: campaign.kakaoState,
        differences: [],
        checkedAt: checkedAt.toISOString(),
      };
    }
    let kakao: EventDetail | null = null;
    try {
      kakao = await this.kakao.publicEvents.getPublicEvent(campaign.kakaoEventId, call);
    } catch (error) {
      if (!isGone(error)) {
        throw isKakaoApiError(error) && error.retryable
          ? new CampaignException(
              CampaignErrorCode.KakaoUnavailable,
              `Kakao did not answer: ${error.msg}`,
            )
          : error;
      }
    }
    const differences = kakao ? diffWithKakao(content, kakao) : [];
    const state =
      kakao === null
        ? KakaoState.Missing
        : differences.length > 0
          ? KakaoState.Drifted
          : KakaoState.InSync;
    await this.recordState(campaign, state, differences, checkedAt);
    return {
      eventId: campaign.kakaoEventId,
      publishedRevision: campaign.publishedRevision,
      ours: toPublicEvent(content),
      kakao,
      kakaoState: state,
      differences,
      checkedAt: checkedAt.toISOString(),
    };
  }

  private async recordState(
    campaign: CampaignEntity,
    state: KakaoState,
    differences: KakaoDifference[],
    checkedAt: Date,
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      const locked = await this.campaigns.lock(manager, campaign.id);
      if (!locked || locked.kakaoEventId !== campaign.kakaoEventId) {
        return;
      }
      const changed = locked.kakaoState !== state;
      const before = changed ? toCampaignResponse(locked) : null;
      locked.kakaoState = state;
      locked.kakaoCheckedAt = checkedAt;
      const saved = await this.campaigns.saveKakaoStatus(manager, locked);
      if (changed && state !== KakaoState.InSync) {
        await auditCampaign(
          this.audit,
          manager,
          systemActor(campaign.channelId),
          state === KakaoState.Drifted ? 'campaign.drifted' : 'campaign.missing_on_kakao',
          campaign.id,
          before,
          { ...toCampaignResponse(saved), differences },
        );
        // Deleted on Kakao is drift too: `kakaoState` tells the two apart.
        await this.webhooks.emit(manager, campaign.channelId, WebhookEventType.CampaignDrifted, {
          campaignId: saved.id,
          name: saved.name,
          kakaoEventId: saved.kakaoEventId,
          kakaoState: state,
          differences,
        });
      }
    });
  }

  /** Walks the channel's campaigns and Kakao's public events: drift, missing, unmanaged. */
  @OnJob(JobName.CampaignReconcile)
  async reconcile(data: JobPayloads[JobName.CampaignReconcile]): Promise<ReconcileResult> {
    const channel = await this.channels.get(data.channelId);
    const call = this.callOptions(channel);
    const result: ReconcileResult = { checked: 0, inSync: 0, drifted: 0, missing: 0, unmanaged: 0 };
    for (const campaign of await this.campaigns.withKakaoEvent(channel.id)) {
      if (
        campaign.syncState === SyncState.Publishing ||
        campaign.syncState === SyncState.Unpublishing
      ) {
        continue;
      }
      const copy = await this.compareCampaign(campaign, call);
      result.checked += 1;
      if (copy.kakaoState === KakaoState.InSync) {
        result.inSync += 1;
      } else if (copy.kakaoState === KakaoState.Drifted) {
        result.drifted += 1;
      } else if (copy.kakaoState === KakaoState.Missing) {
        result.missing += 1;
      }
    }
    result.unmanaged = await this.findUnmanaged(channel, call);
    this.logger.log(`Reconciled ${channel.channelPublicId}: ${JSON.stringify(result)}`);
    return result;
  }

  private async findUnmanaged(channel: ChannelEntity, call: ChannelCallOptions): Promise<number> {
    const now = Date.now();
    const seen = new Map<string, { title: string; start: string; end: string }>();
    for (
      let from = now - UNMANAGED_WINDOW.pastDays * DAY_MS;
      from < now + UNMANAGED_WINDOW.futureDays * DAY_MS;
      from += WINDOW_DAYS * DAY_MS
    ) {
      for await (const brief of this.kakao.publicEvents.publicEvents(
        {
          channel_public_id: channel.channelPublicId,
          from: new Date(from),
          to: new Date(from + WINDOW_DAYS * DAY_MS),
          limit: 1000,
        },
        call,
      )) {
        const seriesId = seriesEventId(brief.id);
        if (!seen.has(seriesId)) {
          seen.set(seriesId, {
            title: brief.title,
            start: brief.time.start_at,
            end: brief.time.end_at,
          });
        }
      }
    }
    const managed = new Set(
      (await this.campaigns.byKakaoEventIds(channel.id, [...seen.keys()])).map(
        (campaign) => campaign.kakaoEventId,
      ),
    );
    const seenAt = new Date();
    let count = 0;
    for (const [eventId] of seen) {
      if (managed.has(eventId)) {
        continue;
      }
      const existing = await this.unmanaged.findOneBy({
        channelId: channel.id,
        kakaoEventId: eventId,
      });
      if (existing?.importedCampaignId) {
        continue;
      }
      const detail = await this.kakao.publicEvents
        .getPublicEvent(eventId, call)
        .catch((error: unknown) => {
          if (isGone(error)) {
            return null;
          }
          throw error;
        });
      if (!detail) {
        continue;
      }
      await this.unmanaged.upsert(
        {
          channelId: channel.id,
          kakaoEventId: eventId,
          title: detail.title.slice(0, 200),
          startsAt: new Date(detail.time.start_at),
          endsAt: new Date(detail.time.end_at),
          detail,
          firstSeenAt: existing?.firstSeenAt ?? seenAt,
          lastSeenAt: seenAt,
        },
        ['channelId', 'kakaoEventId'],
      );
      count += 1;
    }
    // Events no longer at Kakao (or now managed) leave the list.
    const current = [...seen.keys()].filter((eventId) => !managed.has(eventId));
    await this.unmanaged
      .createQueryBuilder()
      .delete()
      .where('channel_id = :channelId AND imported_campaign_id IS NULL', { channelId: channel.id })
      .andWhere(current.length > 0 ? 'kakao_event_id NOT IN (:...current)' : 'TRUE', { current })
      .execute();
    return count;
  }

  async listUnmanaged(
    channelId: string,
    start: number,
    end: number,
  ): Promise<Page<UnmanagedPublicEventEntity>> {
    const [items, total] = await this.unmanaged.findAndCount({
      where: { channelId },
      order: { startsAt: 'ASC' },
      skip: start,
      take: end - start + 1,
    });
    return { items, total };
  }

  /** Turns an unmanaged public event into a campaign that manages it from now on. */
  async importUnmanaged(actor: CampaignActor, id: string): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const row = await manager
        .getRepository(UnmanagedPublicEventEntity)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id AND u.channel_id = :channelId', { id, channelId: actor.channelId })
        .getOne();
      if (!row) {
        throw new CampaignException(
          CampaignErrorCode.UnmanagedNotFound,
          `Unmanaged event ${id} not found`,
        );
      }
      if (row.importedCampaignId) {
        throw new CampaignException(
          CampaignErrorCode.AlreadyImported,
          'This event was already imported',
          undefined,
          {
            campaignId: row.importedCampaignId,
          },
        );
      }
      const snapshot: CampaignSnapshot = {
        name: row.title.slice(0, 100),
        tags: ['imported'],
        target: { kind: 'public_events' },
        content: contentFromKakao(row.detail),
      };
      const errors = snapshotErrors(snapshot);
      if (Object.keys(errors).length > 0) {
        throw new CampaignException(
          CampaignErrorCode.Invalid,
          "Kakao's event does not fit a campaign",
          errors,
        );
      }
      const campaign = manager.create(CampaignEntity, {
        channelId: actor.channelId,
        ownerId: actor.userId,
        revision: 1,
        approvalState: ApprovalState.Approved,
        approvedRevision: 1,
        syncState: SyncState.Published,
        kakaoState: KakaoState.InSync,
        kakaoEventId: row.kakaoEventId,
        publishedRevision: 1,
        publishedAt: new Date(),
        kakaoCheckedAt: new Date(),
      });
      applySnapshot(campaign, snapshot);
      const saved = await this.campaigns.save(manager, campaign);
      await this.revisions.add(manager, {
        campaignId: saved.id,
        revision: 1,
        snapshot,
        authorId: actor.userId,
        reason: 'import',
      });
      // The history says why the campaign starts out approved: nobody submitted it here.
      await manager.getRepository(CampaignApprovalEntity).insert({
        campaignId: saved.id,
        revision: 1,
        decision: ApprovalDecision.Imported,
        actorId: actor.userId,
        comment: null,
      });
      row.importedCampaignId = saved.id;
      await manager.getRepository(UnmanagedPublicEventEntity).save(row);
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.import',
        saved.id,
        null,
        toCampaignResponse(saved),
      );
      return saved;
    });
  }
}
