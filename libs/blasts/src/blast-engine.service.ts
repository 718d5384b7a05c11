import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DelayedError, type Job, type JobsOptions } from 'bullmq';
import { type Redis } from 'ioredis';
import { type Repository } from 'typeorm';

import { AudiencesService } from '@app/audiences';
import { ChannelsService } from '@app/channels';
import { AppConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, JobsService, OnJob, QUEUE_OF_JOB, REDIS } from '@app/jobs';
import {
  isKakaoApiError,
  KakaoClient,
  KakaoErrorCode,
  type PreparedTemplate,
  prepareTemplate,
} from '@app/kakao-client';
import { isTransientSkip, RecipientsService, type SendingCredential } from '@app/recipients';
import { TrackedLink, TrackingLinksService } from '@app/tracking';

import {
  BlastLedgerRepository,
  type ClaimedDelivery,
  type DeliveryOutcome,
} from './blast-ledger.repository';
import { BlastRunTransitions } from './blast-run-transitions';
import { BlastRunEntity } from './blast-run.entity';
import { calendarTemplate } from './blast-template';
import { BlastEntity } from './blast.entity';
import { DeliveryMode, DeliveryState, PauseReason, RunState } from './blast.enums';
import { countDeliveries, countOutcomes } from './delivery-metrics';
import { isQuiet, nextSeoulMidnight, quietEndsAt, type QuietHours } from './quiet-hours';
import { RedisRateLimiter } from './rate-limiter';

/** Recipients per ledger batch (and per send job). */
export const BATCH_SIZE = 100;
const FANOUT_PAGE = 5000;
/**
 * Calls per recipient before a transient Kakao fault (5xx, -1, -7, -9798) counts as a failure:
 * with a quarter of calls failing, 8 tries leave about one recipient in 100,000 failed.
 */
const MAX_SEND_ATTEMPTS = 8;
/** Job attempts of a batch: one more than a row may need, so its last try still runs. */
const BATCH_JOB_ATTEMPTS = MAX_SEND_ATTEMPTS + 1;
/** Calls in flight per batch; the global limiter still decides the pace. */
const IN_FLIGHT = 64;
const FRIENDS_PER_CALL = 5;

export function batchJobId(runId: string, batchNo: number): string {
  return `blast-${runId}-batch-${batchNo}`;
}

export function fanOutJobId(runId: string): string {
  return `blast-${runId}-fanout`;
}

/** A ledger row ready to send, with what the call needs. */
interface Sendable {
  row: ClaimedDelivery;
  token: string;
  uuid: string | null;
}

/** What one batch learned while sending: Kakao's daily quota is spent, or retry later. */
interface BatchState {
  quota: string | undefined;
  retryLater: boolean;
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

type CallOutcome =
  | { kind: 'failed'; code: number | null; reason: string }
  | { kind: 'retry'; code: number | null; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'quota'; reason: string };

/** Kakao's answer to one call, as the ledger sees it. */
export function classifySendError(error: unknown): CallOutcome {
  if (!isKakaoApiError(error)) {
    return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
  if (error.code === KakaoErrorCode.QuotaExceeded) {
    return { kind: 'quota', reason: error.msg };
  }
  // No answer at all: the message may have gone out. Kakao has no idempotency key, so no resend.
  if (error.kind === 'network' || error.kind === 'timeout') {
    return { kind: 'unknown', reason: error.message };
  }
  if (error.retryable) {
    return { kind: 'retry', code: error.code ?? null, reason: error.msg || error.message };
  }
  return { kind: 'failed', code: error.code ?? null, reason: error.msg || error.message };
}

/**
 * Runs blasts: fan-out of the audience into the ledger, batch sends under the global limiter,
 * pauses for quotas and quiet hours, and the reconciler that rebuilds the queue from Postgres.
 */
@Injectable()
export class BlastEngineService {
  private readonly logger = new Logger(BlastEngineService.name);
  private readonly limiter: RedisRateLimiter;
  private readonly templates = new Map<string, PreparedTemplate>();

  constructor(
    @InjectRepository(BlastEntity) private readonly blasts: Repository<BlastEntity>,
    @InjectRepository(BlastRunEntity) private readonly runs: Repository<BlastRunEntity>,
    private readonly ledger: BlastLedgerRepository,
    private readonly audiences: AudiencesService,
    private readonly recipients: RecipientsService,
    private readonly channels: ChannelsService,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobsService,
    private readonly kakao: KakaoClient,
    private readonly config: AppConfig,
    private readonly tracking: TrackingLinksService,
    private readonly transitions: BlastRunTransitions,
    @Inject(REDIS) redis: Redis,
  ) {
    this.limiter = new RedisRateLimiter(redis);
  }

  async enqueueFanOut(run: BlastRunEntity): Promise<void> {
    await this.jobs.queue(
      JobName.BlastFanOut,
      { runId: run.id, channelId: run.channelId },
      { jobId: fanOutJobId(run.id), attempts: 20, backoff: { type: 'exponential', delay: 1000 } },
    );
  }

  private batchJob(
    run: BlastRunEntity,
    batchNo: number,
  ): {
    data: JobPayloads[JobName.BlastSendBatch];
    options: JobsOptions;
  } {
    return {
      data: { runId: run.id, channelId: run.channelId, batchNo },
      options: {
        jobId: batchJobId(run.id, batchNo),
        attempts: BATCH_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
      },
    };
  }

  async enqueueBatch(run: BlastRunEntity, batchNo: number): Promise<void> {
    const job = this.batchJob(run, batchNo);
    await this.jobs.queue(JobName.BlastSendBatch, job.data, job.options);
  }

  /** Writes the audience into the ledger page by page (keyset), resuming after its cursor. */
  @OnJob(JobName.BlastFanOut)
  async fanOut(data: JobPayloads[JobName.BlastFanOut]): Promise<void> {
    const run = await this.runs.findOneBy({ id: data.runId });
    if (!run || run.fanoutDone || run.state === RunState.Cancelled) {
      return;
    }
    const blast = await this.blasts.findOneByOrFail({ id: run.blastId });
    const now = new Date();
    let cursor = run.fanoutCursor;
    let batchCount = run.batchCount;
    for (;;) {
      const ids = await this.audiences.recipientPage(
        run.channelId,
        blast.audienceId,
        cursor,
        FANOUT_PAGE,
      );
      if (ids.length === 0) {
        break;
      }
      const skipped = new Map<string, string>();
      if (blast.frequencyCap !== null) {
        for (const id of await this.ledger.cappedRecipients(ids, blast.frequencyCap, now)) {
          skipped.set(id, `frequency cap: ${blast.frequencyCap} calendar messages in 7 days`);
        }
      }
      if (blast.schedule.kind === 'recurring' && blast.schedule.onlyNotReached) {
        for (const id of await this.ledger.reachedByBlast(blast.id, run.id, ids)) {
          skipped.set(id, 'already reached by an earlier run of this blast');
        }
      }
      const first = batchCount + 1;
      batchCount += Math.ceil(ids.length / BATCH_SIZE);
      const last = batchCount;
      const pageCursor = ids[ids.length - 1];
      await this.transactions.run(async (manager) => {
        await this.ledger.insertPage(manager, run.id, first, BATCH_SIZE, ids, skipped);
        await manager.update(
          BlastRunEntity,
          { id: run.id },
          {
            fanoutCursor: pageCursor,
            batchCount: last,
            recipientCount: () => `recipient_count + ${ids.length}`,
          },
        );
      });
      cursor = pageCursor;
      // Queued after the commit: the reconciler re-queues whatever a crash here loses.
      await this.jobs.queueMany(
        JobName.BlastSendBatch,
        Array.from({ length: last - first + 1 }, (_, index) => this.batchJob(run, first + index)),
      );
    }
    await this.runs.update({ id: run.id }, { fanoutDone: true });
    await this.completeIfDone(run.id);
  }

  /**
   * The template of one recipient's call: the blast's own, or with tracking on, one carrying the
   * recipient's tracking links (each ledger row has its own).
   */
  private recipientTemplate(blast: BlastEntity, row: ClaimedDelivery): PreparedTemplate {
    if (!blast.message.tracking) {
      return this.templateFor(blast);
    }
    return prepareTemplate(
      calendarTemplate(blast.message, blast.kakaoTargetId, {
        content: this.tracking.linkFor(row.id, TrackedLink.Content),
        button: this.tracking.linkFor(row.id, TrackedLink.Button),
      }),
    );
  }

  private templateFor(blast: BlastEntity): PreparedTemplate {
    const key = `${blast.id}:${blast.version}`;
    let template = this.templates.get(key);
    if (!template) {
      template = prepareTemplate(calendarTemplate(blast.message, blast.kakaoTargetId));
      this.templates.set(key, template);
    }
    return template;
  }

  @OnJob(JobName.BlastSendBatch)
  async sendBatch(
    data: JobPayloads[JobName.BlastSendBatch],
    job: Job,
    token?: string,
  ): Promise<void> {
    const run = await this.runs.findOneBy({ id: data.runId });
    if (!run || run.state !== RunState.Sending) {
      // Paused or cancelled: the reconciler re-queues the batch on resume.
      return;
    }
    const blast = await this.blasts.findOneByOrFail({ id: run.blastId });
    const channel = await this.channels.get(run.channelId);
    countDeliveries(
      run.channelId,
      DeliveryState.Unknown,
      await this.ledger.markOrphansUnknown(run.id, data.batchNo),
    );
    const pending = await this.ledger.pendingOf(run.id, data.batchNo);
    if (pending.length === 0) {
      await this.completeIfDone(run.id);
      return;
    }
    const credentials = new Map(
      (
        await this.recipients.sendingCredentials(
          run.channelId,
          pending.map((row) => row.recipientId),
        )
      ).map((credential) => [credential.recipientId, credential]),
    );
    const window: QuietHours = { start: channel.quietHoursStart, end: channel.quietHoursEnd };
    const now = new Date();
    const skipped: DeliveryOutcome[] = [];
    const ready: Sendable[] = [];
    let quietUntil: Date | undefined;
    let transientSkip = false;
    for (const row of pending) {
      const credential: SendingCredential | undefined = credentials.get(row.recipientId);
      if (credential && 'skip' in credential && isTransientSkip(credential.skip)) {
        // Kakao could not refresh the token just now: try this recipient again later.
        transientSkip = true;
        continue;
      }
      if (!credential || 'skip' in credential) {
        skipped.push(
          this.outcome(
            row,
            DeliveryState.Skipped,
            null,
            credential ? credential.skip : 'recipient not found',
          ),
        );
        continue;
      }

      const zone = credential.timeZone ?? channel.timeZone;
      if (blast.quietHours && isQuiet(now, zone, window)) {
        const ends = quietEndsAt(now, zone, window);
        quietUntil = !quietUntil || ends < quietUntil ? ends : quietUntil;
        continue;
      }
      ready.push({ row, token: credential.accessToken, uuid: credential.kakaoUuid });
    }
    countOutcomes(run.channelId, await this.ledger.writeOutcomes(skipped, DeliveryState.Pending));

    const state: BatchState = { quota: undefined, retryLater: false };
    const delivered: string[] = [];
    const template = this.templateFor(blast);
    const units: Sendable[][] =
      blast.deliveryMode === DeliveryMode.Friends
        ? chunked(ready, FRIENDS_PER_CALL)
        : ready.map((item) => [item]);
    const sender =
      blast.deliveryMode === DeliveryMode.Friends
        ? await this.friendsSender(blast, run)
        : undefined;
    const perSecond =
      blast.deliveryMode === DeliveryMode.Friends
        ? Math.max(1, blast.ratePerSecond / FRIENDS_PER_CALL)
        : blast.ratePerSecond;

    await this.paced(run, perSecond, units, async (chunk) => {
      // Claimed right before the calls: a crash leaves only calls in flight as `sending`,
      // which become `unknown`; everything not yet tried stays `pending`.
      const claimed = await this.ledger.claimRows(
        run.id,
        data.batchNo,
        chunk.flat().map((item) => item.row.id),
      );
      const outcomes: DeliveryOutcome[] = [];
      await Promise.all(
        chunk.map(async (unit) => {
          const live = unit.filter((item) => claimed.has(item.row.id));
          if (live.length === 0) {
            return;
          }
          outcomes.push(
            ...(blast.deliveryMode === DeliveryMode.Friends
              ? await this.sendToFriends(sender, live, template, state)
              : await this.sendToMe(
                  run,
                  live[0],
                  this.recipientTemplate(blast, live[0].row),
                  state,
                )),
          );
        }),
      );
      countOutcomes(
        run.channelId,
        await this.ledger.writeOutcomes(outcomes, DeliveryState.Sending),
      );
      const sentIds = new Set(
        outcomes
          .filter((outcome) => outcome.state === DeliveryState.Sent)
          .map((outcome) => outcome.id),
      );
      delivered.push(
        ...chunk
          .flat()
          .filter((item) => sentIds.has(item.row.id))
          .map((item) => item.row.recipientId),
      );
      return state.quota === undefined;
    });
    if (delivered.length > 0) {
      await this.recipients.recordDelivered(delivered, new Date());
    }

    if (state.quota !== undefined) {
      await this.pause(run.id, PauseReason.Quota, this.quotaProbeAt(new Date()));
      return;
    }
    if (quietUntil && ready.length === 0 && skipped.length < pending.length) {
      // Everyone left in the batch is in quiet hours: the whole run waits, visibly, and the
      // reconciler resumes it when they end (a person may also resume it earlier).
      await this.pause(run.id, PauseReason.QuietHours, quietUntil);
      return;
    }
    if (quietUntil) {
      // Some recipients (other zones) were awake and got theirs; the rest wait in this job.
      await job.moveToDelayed(Math.max(quietUntil.getTime(), Date.now() + 1000), token);
      throw new DelayedError();
    }
    if (state.retryLater || transientSkip) {
      // The job's own retry (with backoff) sends the rows put back to pending.
      throw new Error(`Batch ${data.batchNo}: transient Kakao errors, retrying`);
    }
    await this.completeIfDone(run.id);
  }

  /** One send-to-me call and what it came to for the ledger. */
  private async sendToMe(
    run: BlastRunEntity,
    item: Sendable,
    template: PreparedTemplate,
    state: BatchState,
    refreshed = false,
  ): Promise<DeliveryOutcome[]> {
    if (state.quota !== undefined) {
      return [this.outcome(item.row, DeliveryState.Pending, null, state.quota)];
    }
    try {
      await this.kakao.messages.sendToMe(item.token, template, { retries: 0 });
      return [this.outcome(item.row, DeliveryState.Sent, null, null, new Date())];
    } catch (error) {
      // An expired or revoked token: refresh it once (9.4), then give up on this recipient.
      if (isKakaoApiError(error, KakaoErrorCode.InvalidToken) && !refreshed) {
        const [fresh] = await this.recipients.sendingCredentials(
          run.channelId,
          [item.row.recipientId],
          {
            forceRefresh: true,
          },
        );
        return fresh && !('skip' in fresh)
          ? this.sendToMe(run, { ...item, token: fresh.accessToken }, template, state, true)
          : [
              this.outcome(
                item.row,
                DeliveryState.Skipped,
                null,
                fresh ? fresh.skip : 'recipient not found',
              ),
            ];
      }
      const result = classifySendError(error);
      switch (result.kind) {
        case 'quota':
          state.quota = result.reason;
          return [
            this.outcome(
              item.row,
              DeliveryState.Pending,
              KakaoErrorCode.QuotaExceeded,
              result.reason,
            ),
          ];
        case 'retry':
          if (item.row.attempts + 1 >= MAX_SEND_ATTEMPTS) {
            return [this.outcome(item.row, DeliveryState.Failed, result.code, result.reason)];
          }
          state.retryLater = true;
          return [this.outcome(item.row, DeliveryState.Pending, result.code, result.reason)];
        case 'unknown':
          return [this.outcome(item.row, DeliveryState.Unknown, null, result.reason)];
        case 'failed':
          if (
            result.code === KakaoErrorCode.InsufficientScope ||
            result.code === KakaoErrorCode.InvalidToken
          ) {
            await this.recipients.markNeedsConsent(
              item.row.recipientId,
              `Kakao ${result.code}: ${result.reason}`,
            );
          }
          return [this.outcome(item.row, DeliveryState.Failed, result.code, result.reason)];
      }
    }
  }

  /**
   * Sends `units` with at most IN_FLIGHT calls at once, reserving limiter slots per chunk. Stops
   * between chunks when the run is no longer sending (paused, cancelled) or `send` says so; what
   * was not tried stays pending.
   */
  private async paced<T>(
    run: BlastRunEntity,
    perSecond: number,
    units: T[],
    send: (chunk: T[]) => Promise<boolean>,
  ): Promise<void> {
    const chunk = Math.max(1, Math.min(IN_FLIGHT, Math.round(perSecond / 20)));
    const limitKey = `{${this.config.redis.queuePrefix}}:blast-rate:${run.channelId}`;
    const stillSending = this.runStateProbe(run.id);
    let next = 0;
    let stopped = false;
    const lane = async (): Promise<void> => {
      while (!stopped && next < units.length) {
        const start = next;
        const end = Math.min(units.length, start + chunk);
        next = end;
        if (!(await stillSending())) {
          stopped = true;
          return;
        }
        await this.limiter.acquire(limitKey, perSecond, end - start);
        // The slot may be seconds away at low rates: look again right before the calls.
        if (!(await stillSending())) {
          stopped = true;
          return;
        }
        if (!(await send(units.slice(start, end)))) {
          stopped = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.floor(IN_FLIGHT / chunk)) }, lane));
  }

  /**
   * Whether the run still sends; read from Postgres at most every 250 ms. The batch has just read
   * the run as sending, so the first look needs no query.
   */
  private runStateProbe(runId: string): () => Promise<boolean> {
    let checkedAt = Date.now();
    let sending = true;
    return async () => {
      if (Date.now() - checkedAt > 250) {
        checkedAt = Date.now();
        const run = await this.runs.findOne({
          where: { id: runId },
          select: { id: true, state: true },
        });
        sending = run?.state === RunState.Sending;
      }
      return sending;
    };
  }

  private async friendsSender(
    blast: BlastEntity,
    run: BlastRunEntity,
  ): Promise<SendingCredential | undefined> {
    if (!blast.senderRecipientId) {
      return undefined;
    }
    const [sender] = await this.recipients.sendingCredentials(run.channelId, [
      blast.senderRecipientId,
    ]);
    return sender;
  }

  /** Friends mode: the sender's token, up to five receivers a call, results per receiver. */
  private async sendToFriends(
    sender: SendingCredential | undefined,
    group: Sendable[],
    template: PreparedTemplate,
    state: BatchState,
  ): Promise<DeliveryOutcome[]> {
    const noUuid = group.filter((item) => item.uuid === null);
    const outcomes = noUuid.map((item) =>
      this.outcome(item.row, DeliveryState.Skipped, null, 'no friend uuid for this recipient'),
    );
    const usable = group.filter((item) => item.uuid !== null);
    if (usable.length === 0) {
      return outcomes;
    }
    if (!sender || 'skip' in sender) {
      const why = `sender cannot send: ${sender && 'skip' in sender ? sender.skip : 'no sender'}`;
      return [
        ...outcomes,
        ...usable.map((item) => this.outcome(item.row, DeliveryState.Failed, null, why)),
      ];
    }
    if (state.quota !== undefined) {
      return [
        ...outcomes,
        ...usable.map((item) => this.outcome(item.row, DeliveryState.Pending, null, state.quota!)),
      ];
    }
    try {
      const result = await this.kakao.messages.sendToFriends(
        sender.accessToken,
        usable.map((item) => item.uuid!),
        template,
        { retries: 0 },
      );
      const failures = new Map<string, { code: number; msg: string }>();
      for (const failure of result.failure_info) {
        for (const uuid of failure.receiver_uuids) {
          failures.set(uuid, { code: failure.code, msg: failure.msg });
        }
      }
      return [
        ...outcomes,
        ...usable.map((item) => {
          const failure = failures.get(item.uuid!);
          return failure
            ? this.outcome(item.row, DeliveryState.Failed, failure.code, failure.msg)
            : this.outcome(item.row, DeliveryState.Sent, null, null, new Date());
        }),
      ];
    } catch (error) {
      const result = classifySendError(error);
      if (result.kind === 'quota') {
        state.quota = result.reason;
      }
      if (result.kind === 'retry') {
        state.retryLater = true;
      }
      return [
        ...outcomes,
        ...usable.map((item) =>
          result.kind === 'unknown'
            ? this.outcome(item.row, DeliveryState.Unknown, null, result.reason)
            : result.kind === 'failed'
              ? this.outcome(item.row, DeliveryState.Failed, result.code, result.reason)
              : this.outcome(
                  item.row,
                  DeliveryState.Pending,
                  result.kind === 'retry' ? result.code : KakaoErrorCode.QuotaExceeded,
                  result.reason,
                ),
        ),
      ];
    }
  }

  private outcome(
    row: ClaimedDelivery,
    state: DeliveryState,
    kakaoCode: number | null,
    reason: string | null,
    sentAt: Date | null = null,
  ): DeliveryOutcome {
    return { id: row.id, state, kakaoCode, reason, sentAt };
  }

  private quotaProbeAt(now: Date): Date {
    const probe = new Date(now.getTime() + this.config.blasts.quotaProbeMs);
    const midnight = nextSeoulMidnight(now);
    return probe < midnight ? probe : midnight;
  }

  async pause(runId: string, reason: PauseReason, resumeAt: Date | null): Promise<void> {
    await this.transitions.pause(runId, reason, resumeAt);
  }

  /** Completes the run when fan-out is done and no row is pending or being sent. */
  async completeIfDone(runId: string): Promise<void> {
    // With its `blast.finished` webhook in the same transaction.
    await this.transitions.complete(runId);
  }

  /**
   * Rebuilds the queue from the ledger (Redis may have lost everything), resumes paused runs whose
   * time has come, and finishes runs with nothing left. Runs on worker start and on a schedule.
   */
  @OnJob(JobName.BlastReconcile)
  async reconcile(): Promise<{ requeued: number; resumed: number }> {
    let requeued = 0;
    let resumed = 0;
    const due = await this.runs
      .createQueryBuilder('r')
      .where(`r.state = 'paused' AND r.pause_reason <> 'manual' AND r.resume_at <= now()`)
      .getMany();
    for (const run of due) {
      await this.runs.update(
        { id: run.id, state: RunState.Paused },
        { state: RunState.Sending, pauseReason: null, resumeAt: null },
      );
      resumed += 1;
    }
    const active = await this.runs.findBy({ state: RunState.Sending });
    const batchQueue = this.jobs.queueFor(QUEUE_OF_JOB[JobName.BlastSendBatch]);
    for (const run of active) {
      if (!run.fanoutDone) {
        const existing = await batchQueue.getJob(fanOutJobId(run.id));
        const state = existing ? await existing.getState() : 'missing';
        if (state === 'completed' || state === 'failed') {
          await existing?.remove();
        }
        if (
          state === 'completed' ||
          state === 'failed' ||
          state === 'missing' ||
          state === 'unknown'
        ) {
          await this.enqueueFanOut(run);
          requeued += 1;
        }
      }
      for (const batchNo of await this.ledger.openBatches(run.id)) {
        const id = batchJobId(run.id, batchNo);
        const existing = await batchQueue.getJob(id);
        const state = existing ? await existing.getState() : 'missing';
        if (
          state === 'active' ||
          state === 'waiting' ||
          state === 'delayed' ||
          state === 'prioritized' ||
          state === 'waiting-children'
        ) {
          continue;
        }
        if (existing) {
          await existing.remove().catch(() => undefined);
        }
        await this.enqueueBatch(run, batchNo);
        requeued += 1;
      }
      await this.completeIfDone(run.id);
    }
    if (requeued + resumed > 0) {
      this.logger.log(`Blast reconcile: re-queued ${requeued} jobs, resumed ${resumed} runs`);
    }
    return { requeued, resumed };
  }
}
