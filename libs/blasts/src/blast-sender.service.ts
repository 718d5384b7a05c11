import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DelayedError, type Job } from 'bullmq';
import { type Redis } from 'ioredis';
import { type Repository } from 'typeorm';

import { ChannelsService } from '@app/channels';
import { AppConfig } from '@app/config';
import { JobName, type JobPayloads, JobRunnerService, OnJob, REDIS } from '@app/jobs';
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
import { OutcomeWriter } from './outcome-writer';
import { isQuiet, nextSeoulMidnight, quietEndsAt, type QuietHours } from './quiet-hours';
import { RedisRateLimiter } from './rate-limiter';
import { SendWindow } from './send-window';

/**
 * Calls per recipient before a transient Kakao fault (5xx, -1, -7, -9798) counts as a failure:
 * with a quarter of calls failing, 8 tries leave about one recipient in 100,000 failed.
 */
const MAX_SEND_ATTEMPTS = 8;
/** Calls one batch may have in flight; the process's send window bounds all batches together. */
const IN_FLIGHT = 64;
const FRIENDS_PER_CALL = 5;

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

/** Why a batch stopped before trying every row. */
type PacedStop = 'done' | 'not_sending' | 'quota' | 'shutdown';

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
 * Sends a run's ledger batches: credentials, quiet hours, the global limiter and the process's
 * send window, one outcome per call written as it answers; pauses for the quota and quiet hours.
 */
@Injectable()
export class BlastSenderService {
  private readonly limiter: RedisRateLimiter;
  private readonly templates = new Map<string, PreparedTemplate>();
  private readonly window: SendWindow;
  private readonly outcomes: OutcomeWriter;

  constructor(
    @InjectRepository(BlastEntity) private readonly blasts: Repository<BlastEntity>,
    @InjectRepository(BlastRunEntity) private readonly runs: Repository<BlastRunEntity>,
    private readonly ledger: BlastLedgerRepository,
    private readonly recipients: RecipientsService,
    private readonly channels: ChannelsService,
    private readonly kakao: KakaoClient,
    private readonly config: AppConfig,
    private readonly tracking: TrackingLinksService,
    private readonly transitions: BlastRunTransitions,
    private readonly runner: JobRunnerService,
    @Inject(REDIS) redis: Redis,
  ) {
    this.limiter = new RedisRateLimiter(redis);
    this.window = new SendWindow(kakao.options.connections);
    this.outcomes = new OutcomeWriter((outcomes) => this.ledger.writeSendOutcomes(outcomes));
  }

  /** Rows this process has claimed and not yet settled: at most the calls on the wire. */
  get inFlight(): number {
    return this.window.inFlight;
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
      await this.transitions.complete(run.id);
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

    const stop = await this.paced(run, data.batchNo, perSecond, units, state, async (unit) => {
      const outcomes =
        blast.deliveryMode === DeliveryMode.Friends
          ? await this.sendToFriends(sender, unit, template, state)
          : await this.sendToMe(run, unit[0], this.recipientTemplate(blast, unit[0].row), state);
      const moved = await this.outcomes.record(outcomes);
      countOutcomes(run.channelId, moved);
      const sentIds = new Set(
        outcomes
          .filter((outcome) => outcome.state === DeliveryState.Sent)
          .map((outcome) => outcome.id),
      );
      delivered.push(
        ...unit.filter((item) => sentIds.has(item.row.id)).map((item) => item.row.recipientId),
      );
    });
    if (delivered.length > 0) {
      await this.recipients.recordDelivered(delivered, new Date());
    }

    if (stop === 'shutdown') {
      // The worker is stopping: the rows not tried go back to the queue for the next worker.
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    if (stop === 'quota') {
      await this.transitions.pause(run.id, PauseReason.Quota, this.quotaProbeAt(new Date()));
      return;
    }
    if (stop === 'not_sending') {
      return;
    }
    if (quietUntil && ready.length === 0 && skipped.length < pending.length) {
      // Everyone left in the batch is in quiet hours: the whole run waits, visibly, and the
      // reconciler resumes it when they end (a person may also resume it earlier).
      await this.transitions.pause(run.id, PauseReason.QuietHours, quietUntil);
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
    // With its `blast.finished` webhook in the same transaction.
    await this.transitions.complete(run.id);
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
   * Sends `units` at the limiter's pace within the process's send window: a chunk is claimed
   * (`sending`) only once it holds window slots, each call gives its slots back as soon as its
   * outcome is written, and the next chunk goes as soon as slots are free (a slow answer holds
   * only its own slot). A crash thus leaves at most the calls on the wire `sending`. Stops between
   * chunks when the run no longer sends, the quota is spent or the worker shuts down; what was
   * not tried stays pending.
   */
  private async paced(
    run: BlastRunEntity,
    batchNo: number,
    perSecond: number,
    units: Sendable[][],
    state: BatchState,
    send: (unit: Sendable[]) => Promise<void>,
  ): Promise<PacedStop> {
    const chunk = Math.max(1, Math.min(IN_FLIGHT, this.window.size, Math.round(perSecond / 20)));
    const limitKey = `{${this.config.redis.queuePrefix}}:blast-rate:${run.channelId}`;
    const stillSending = this.runStateProbe(run.id);
    let stop: PacedStop = 'done';
    let failure: { error: unknown } | undefined;
    const shouldStop = async (): Promise<boolean> => {
      if (stop === 'done') {
        if (failure || this.runner.draining) {
          stop = 'shutdown';
        } else if (state.quota !== undefined) {
          stop = 'quota';
        } else if (!(await stillSending())) {
          stop = 'not_sending';
        }
      }
      return stop !== 'done';
    };
    const calls = new Set<Promise<void>>();
    const call = (unit: Sendable[]): void => {
      const running = send(unit)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          this.window.release(unit.length);
          calls.delete(running);
        });
      calls.add(running);
    };
    for (let next = 0; next < units.length && !(await shouldStop());) {
      const items = units.slice(next, next + chunk);
      next += items.length;
      const rows = items.reduce((sum, unit) => sum + unit.length, 0);
      await this.limiter.acquire(limitKey, perSecond, rows);
      // The slot may be seconds away at low rates: look again right before the calls.
      if (await shouldStop()) {
        break;
      }
      await this.window.acquire(rows);
      let claimed: Set<string>;
      try {
        claimed = await this.ledger.claimRows(
          run.id,
          batchNo,
          items.flat().map((item) => item.row.id),
        );
      } catch (error) {
        this.window.release(rows);
        failure ??= { error };
        break;
      }
      for (const unit of items) {
        const live = unit.filter((item) => claimed.has(item.row.id));
        this.window.release(unit.length - live.length);
        if (live.length > 0) {
          call(live);
        }
      }
    }
    while (calls.size > 0) {
      await Promise.all([...calls]);
    }
    if (failure) {
      throw failure.error;
    }
    // Every row may have gone out before the first quota answer came back.
    return stop === 'done' && state.quota !== undefined ? 'quota' : stop;
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
}
