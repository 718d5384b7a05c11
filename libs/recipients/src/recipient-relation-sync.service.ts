import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import { ChannelsService } from '@app/channels';
import { forEachLimited } from '@app/common';
import { JobName, type JobPayloads, JobsService, OnJob } from '@app/jobs';
import { isKakaoApiError, KakaoClient, KakaoErrorCode } from '@app/kakao-client';

import { ChannelRelation } from './recipient.enums';
import { RecipientRepository, type RelationResult } from './recipient.repository';
import { RELATION_SYNC } from './recipients.constants';

const RELATIONS = new Set<string>(Object.values(ChannelRelation));

// Answers that concern the channel or the app, not one recipient: the run stops.
const CHANNEL_CODES = new Set<number>([
  KakaoErrorCode.ChannelMissing,
  KakaoErrorCode.ChannelSanctioned,
  KakaoErrorCode.ChannelNotConnected,
  KakaoErrorCode.InvalidToken,
  KakaoErrorCode.NotConfigured,
  KakaoErrorCode.NoPermission,
]);

export interface RelationSyncResult {
  checked: number;
  changed: number;
  /** Recipients Kakao no longer knows as linked (-101); checked, relation kept. */
  unlinked: number;
  /** Calls that failed transiently; these recipients come first next run. */
  failed: number;
  /** Why the run stopped early, if it did. */
  stopped?: string;
}

/**
 * Keeps `channel_relation` (ADDED / BLOCKED / NONE, contract 5.6) fresh: a repeating job fans out
 * one check per channel; each checks the least recently checked recipients with the app's admin
 * key, at most `budgetPerRun` Kakao calls, and records every change for the reach reports.
 */
@Injectable()
export class RecipientRelationSyncService {
  private readonly logger = new Logger(RecipientRelationSyncService.name);

  constructor(
    private readonly recipients: RecipientRepository,
    private readonly channels: ChannelsService,
    private readonly kakao: KakaoClient,
    private readonly jobs: JobsService,
  ) {}

  /** The repeating fan-out; idempotent, safe to call from every worker at start. */
  async schedule(): Promise<void> {
    await this.jobs.schedule(
      'recipient-relation-sync-all',
      JobName.RecipientRelationSyncAll,
      {},
      RELATION_SYNC.everyMs,
    );
  }

  /** An on-demand check of one channel (a burst of requests queues one job). */
  async request(channelId: string): Promise<void> {
    await this.jobs.queue(
      JobName.RecipientChannelRelationSync,
      { channelId },
      { jobId: `relation-sync-${channelId}-${Math.floor(Date.now() / 10_000)}` },
    );
  }

  @OnJob(JobName.RecipientRelationSyncAll)
  async syncAll(): Promise<void> {
    const bucket = Math.floor(Date.now() / RELATION_SYNC.everyMs);
    for (const channel of await this.channels.list()) {
      await this.jobs.queue(
        JobName.RecipientChannelRelationSync,
        { channelId: channel.id },
        { jobId: `relation-sync-${channel.id}-run-${bucket}` },
      );
    }
  }

  @OnJob(JobName.RecipientChannelRelationSync)
  async syncChannel(
    data: JobPayloads[JobName.RecipientChannelRelationSync],
  ): Promise<RelationSyncResult> {
    const channel = await this.channels.get(data.channelId);
    const { adminKey } = this.channels.credentials(channel);
    if (adminKey === undefined) {
      return { checked: 0, changed: 0, unlinked: 0, failed: 0, stopped: 'no admin key' };
    }
    const candidates = await this.recipients.relationCandidates(
      channel.id,
      RELATION_SYNC.budgetPerRun,
    );
    const result: RelationSyncResult = { checked: 0, changed: 0, unlinked: 0, failed: 0 };
    let pending: RelationResult[] = [];
    let unlinked: string[] = [];
    const flush = async (): Promise<void> => {
      const [results, touched] = [pending, unlinked];
      pending = [];
      unlinked = [];
      const now = new Date();
      result.changed += await this.recipients.storeRelations(channel.id, results, now);
      await this.recipients.touchRelationChecked(touched, now);
    };
    await forEachLimited(candidates, RELATION_SYNC.concurrency, async (candidate) => {
      if (result.stopped !== undefined) {
        return;
      }
      try {
        const answer = await this.kakao.channels.getChannelRelationsOfUser(
          candidate.kakaoUserId,
          { channelPublicIds: [channel.channelPublicId] },
          { adminKey },
        );
        const relation = answer.channels.find(
          (entry) => entry.channel_public_id === channel.channelPublicId,
        )?.relation;
        pending.push({
          id: candidate.id,
          relation:
            typeof relation === 'string' && RELATIONS.has(relation)
              ? (relation as ChannelRelation)
              : ChannelRelation.None,
        });
        result.checked += 1;
      } catch (error) {
        if (isKakaoApiError(error, KakaoErrorCode.NotLinked)) {
          unlinked.push(candidate.id);
          result.unlinked += 1;
        } else if (isKakaoApiError(error) && error.quotaExceeded) {
          result.stopped = `Kakao quota: ${error.msg}`;
        } else if (
          isKakaoApiError(error) &&
          error.code !== undefined &&
          CHANNEL_CODES.has(error.code)
        ) {
          result.stopped = `Kakao ${error.code}: ${error.msg}`;
        } else {
          result.failed += 1;
        }
      }
      if (pending.length + unlinked.length >= RELATION_SYNC.writeBatch) {
        await flush();
      }
    });
    await flush();
    if (result.stopped !== undefined) {
      this.logger.warn(`Relation sync of channel ${channel.id} stopped: ${result.stopped}`);
      if (result.checked === 0) {
        // Retrying will not help until the channel's setup or the quota changes.
        throw new UnrecoverableError(result.stopped);
      }
    }
    return result;
  }
}
