import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';

import { AudiencesService } from '@app/audiences';
import { type AuditActor, AuditService } from '@app/audit';
import { CampaignsService, SubscribeCalendarsService } from '@app/campaigns';
import { ChannelsService } from '@app/channels';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import { KakaoClient, prepareTemplate } from '@app/kakao-client';
import { RecipientsService } from '@app/recipients';

import { BlastDeliveryEntity } from './blast-delivery.entity';
import {
  BlastLedgerRepository,
  type DeliveryCounts,
  type RecipientDeliveryQuery,
  type RecipientDeliveryRow,
  type TrackedDelivery,
} from './blast-ledger.repository';
import { type BlastListFilter } from './blast-list.filter';
import { BlastRunScheduler } from './blast-run-scheduler.service';
import { BlastRunTransitions } from './blast-run-transitions';
import { BlastRunEntity } from './blast-run.entity';
import { classifySendError } from './blast-sender.service';
import { calendarTemplate } from './blast-template';
import {
  messageErrors,
  occurrenceAfter,
  scheduleErrors,
  scheduleInstant,
} from './blast-validation';
import { type CreateBlastDto } from './blast.dto';
import { BlastEntity, type BlastMessage } from './blast.entity';
import { BlastState, DeliveryMode, DeliveryState, PauseReason, RunState } from './blast.enums';
import { BlastErrorCode, BlastException } from './blast.exception';
import { isQuiet, quietEndsAt } from './quiet-hours';
import { SendRateMeter } from './send-rate-meter';

/** Kakao's documented daily message quota per app (section 10). */
export const DAILY_MESSAGE_QUOTA = 30_000;
const FRIENDS_MODE_MAX_RECIPIENTS = 500;

/** "<name> (copy)", shortened to the 100 characters a blast name may have. */
function copyOf(name: string): string {
  const suffix = ' (copy)';
  return `${[...name]
    .slice(0, 100 - suffix.length)
    .join('')
    .trimEnd()}${suffix}`;
}

/** Who acts on a blast, in which channel, from where: every blast action is audited. */
export interface BlastActor extends AuditActor {
  channelId: string;
}

export interface BlastEstimate {
  recipients: number;
  durationSeconds: number;
  quotaDays: number;
  ratePerSecond: number;
  /** When the first sends are held by the channel's quiet hours: the end of that window. */
  quietUntil: string | null;
  /** Seconds from the requested start until sending begins (the quiet-hours wait). */
  waitSeconds: number;
}

export interface RunProgress {
  runId: string;
  state: RunState;
  pauseReason: PauseReason | null;
  resumeAt: string | null;
  total: number;
  counts: DeliveryCounts;
  done: number;
  percent: number;
  currentRate: number;
  etaSeconds: number | null;
}

const RATE_WINDOW_MS = 10_000;

/** What the audit log keeps of a new blast. */
function createdRecord(blast: BlastEntity): Record<string, unknown> {
  return {
    name: blast.name,
    audienceId: blast.audienceId,
    schedule: blast.schedule,
    ratePerSecond: blast.ratePerSecond,
    quietHours: blast.quietHours,
    deliveryMode: blast.deliveryMode,
  };
}

@Injectable()
export class BlastsService implements OnModuleInit {
  private readonly rates = new SendRateMeter(RATE_WINDOW_MS);

  constructor(
    @InjectRepository(BlastEntity) private readonly blasts: Repository<BlastEntity>,
    @InjectRepository(BlastRunEntity) private readonly runs: Repository<BlastRunEntity>,
    @InjectRepository(BlastDeliveryEntity)
    private readonly deliveries: Repository<BlastDeliveryEntity>,
    private readonly ledger: BlastLedgerRepository,
    private readonly scheduler: BlastRunScheduler,
    private readonly audiences: AudiencesService,
    private readonly campaigns: CampaignsService,
    private readonly calendars: SubscribeCalendarsService,
    private readonly recipients: RecipientsService,
    private readonly kakao: KakaoClient,
    private readonly transitions: BlastRunTransitions,
    private readonly channels: ChannelsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** One audit row for a blast action, in the caller's transaction. */
  private recordAction(
    manager: EntityManager,
    actor: BlastActor,
    action: string,
    blastId: string,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action: `blast.${action}`,
      entityType: 'blast',
      entityId: blastId,
      after,
    });
  }

  /** A run action's audit hook: the blast, its run and how many recipients the run has. */
  private runAudit(actor: BlastActor, action: string) {
    return async (manager: EntityManager, run: BlastRunEntity): Promise<void> => {
      const blast = await manager.findOneByOrFail(BlastEntity, { id: run.blastId });
      const counts = await this.ledger.counts(run.id, manager);
      await this.recordAction(manager, actor, action, run.blastId, {
        name: blast.name,
        runId: run.id,
        recipients: Object.values(counts).reduce((sum, count) => sum + count, 0),
      });
    };
  }

  /** Recipient detail pages show every delivery the ledger holds for the person. */
  onModuleInit(): void {
    this.recipients.useDeliveryHistory(async (channelId, recipientId, limit) => {
      const page = await this.ledger.deliveriesOfRecipient(channelId, recipientId, {
        offset: 0,
        limit,
        order: 'DESC',
      });
      return page.items.map((row) => ({ ...row }));
    });
  }

  /**
   * `GET /api/recipients/:id/deliveries`: every delivery of the recipient, a page at a time;
   * 404 for recipients of other channels.
   */
  async recipientDeliveries(
    channelId: string,
    recipientId: string,
    query: RecipientDeliveryQuery,
  ): Promise<Page<RecipientDeliveryRow>> {
    await this.recipients.get(channelId, recipientId);
    return this.ledger.deliveriesOfRecipient(channelId, recipientId, query);
  }

  /** The delivery a tracking link stands for, with its blast; `undefined` when it is gone. */
  trackedDelivery(deliveryId: string): Promise<TrackedDelivery | undefined> {
    return this.ledger.trackedDelivery(deliveryId);
  }

  async list(channelId: string, query: ListQuery<BlastListFilter>): Promise<Page<BlastEntity>> {
    const states = query.filter.state;
    const [items, total] = await this.blasts.findAndCount({
      where: { channelId, ...(states ? { state: In(states) } : {}) },
      order: { [query.sort.field]: query.sort.order, id: query.sort.order },
      skip: query.range.start,
      take: query.range.end - query.range.start + 1,
    });
    return { items, total };
  }

  async get(channelId: string, id: string): Promise<BlastEntity> {
    const blast = await this.blasts.findOneBy({ id, channelId });
    if (!blast) {
      throw new BlastException(BlastErrorCode.NotFound, `Blast ${id} not found`);
    }
    return blast;
  }

  /** The Kakao id the message points at: a published campaign's event or a subscribe calendar. */
  private async kakaoTargetOf(channelId: string, message: BlastMessage): Promise<string> {
    if (message.idType === 'event') {
      const campaign = await this.campaigns.get(channelId, message.campaignId!).catch(() => null);
      if (!campaign?.kakaoEventId) {
        throw new BlastException(BlastErrorCode.Invalid, 'The campaign is not published', {
          'message.campaignId': 'must be a published campaign of this channel',
        });
      }
      return campaign.kakaoEventId;
    }
    const calendar = await this.calendars
      .get(channelId, message.subscribeCalendarId!)
      .catch(() => null);
    if (!calendar || calendar.calendar.removedAt !== null) {
      throw new BlastException(BlastErrorCode.Invalid, 'Unknown subscribe calendar', {
        'message.subscribeCalendarId': 'must be a subscribe calendar of this channel',
      });
    }
    return calendar.calendar.kakaoCalendarId;
  }

  async create(actor: BlastActor, input: CreateBlastDto): Promise<BlastEntity> {
    const message: BlastMessage = { ...input.message };
    const errors: Record<string, string> = {
      ...messageErrors(message),
      ...scheduleErrors(input.schedule, new Date()),
    };
    if (!input.name.trim() || input.name.length > 100) {
      errors.name = 'must be 1 to 100 characters';
    }
    const mode = input.deliveryMode === 'friends' ? DeliveryMode.Friends : DeliveryMode.SendToMe;
    if (message.tracking && mode === DeliveryMode.Friends) {
      // One friends call carries one template for up to five people: no per-recipient links.
      errors['message.tracking'] =
        'needs send-to-me delivery (each recipient gets their own links)';
    }
    if (mode === DeliveryMode.Friends && !input.senderRecipientId) {
      errors.senderRecipientId = 'friends mode needs a sender account';
    }
    if (Object.keys(errors).length > 0) {
      throw new BlastException(
        BlastErrorCode.Invalid,
        `Invalid blast: ${Object.keys(errors).join(', ')}`,
        errors,
      );
    }
    await this.audiences.get(actor.channelId, input.audienceId).catch(() => {
      throw new BlastException(BlastErrorCode.Invalid, 'Unknown audience', {
        audienceId: 'must be an audience of this channel',
      });
    });
    if (
      mode === DeliveryMode.Friends &&
      (await this.audiences.count(actor.channelId, input.audienceId)) > FRIENDS_MODE_MAX_RECIPIENTS
    ) {
      throw new BlastException(BlastErrorCode.Invalid, 'Friends mode is for small lists', {
        deliveryMode: `friends mode takes at most ${FRIENDS_MODE_MAX_RECIPIENTS} recipients`,
      });
    }
    if (mode === DeliveryMode.Friends && input.senderRecipientId) {
      // Sends use the sender's token from this channel only; a foreign id would just fail later.
      await this.recipients.get(actor.channelId, input.senderRecipientId).catch(() => {
        throw new BlastException(BlastErrorCode.Invalid, 'Unknown sender', {
          senderRecipientId: 'must be a recipient of this channel',
        });
      });
    }
    const kakaoTargetId = await this.kakaoTargetOf(actor.channelId, message);
    return this.transactions.run(async (manager) => {
      const saved = await manager.save(
        manager.create(BlastEntity, {
          channelId: actor.channelId,
          name: input.name.trim(),
          state: BlastState.Draft,
          message,
          kakaoTargetId,
          audienceId: input.audienceId,
          schedule: input.schedule,
          ratePerSecond: input.ratePerSecond,
          quietHours: input.quietHours ?? true,
          frequencyCap: input.frequencyCap ?? null,
          deliveryMode: mode,
          senderRecipientId: input.senderRecipientId ?? null,
          createdBy: actor.userId,
        }),
      );
      await this.recordAction(manager, actor, 'create', saved.id, createdRecord(saved));
      return saved;
    });
  }

  /**
   * A new draft with another blast's message, audience, pace and options, named `name` or
   * "<name> (copy)". A one-off time already past becomes "now": it could never run as set.
   */
  async duplicate(actor: BlastActor, id: string, input: { name?: string }): Promise<BlastEntity> {
    const source = await this.get(actor.channelId, id);
    const name = (input.name ?? copyOf(source.name)).trim();
    if (!name || name.length > 100) {
      throw new BlastException(BlastErrorCode.Invalid, 'Invalid blast: name', {
        name: 'must be 1 to 100 characters',
      });
    }
    const at = source.schedule.kind === 'at' ? scheduleInstant(source.schedule) : null;
    const schedule =
      at && at <= new Date()
        ? { kind: 'now' as const, timeZone: source.schedule.timeZone }
        : source.schedule;
    return this.transactions.run(async (manager) => {
      const saved = await manager.save(
        manager.create(BlastEntity, {
          channelId: actor.channelId,
          name,
          state: BlastState.Draft,
          message: source.message,
          kakaoTargetId: source.kakaoTargetId,
          audienceId: source.audienceId,
          schedule,
          ratePerSecond: source.ratePerSecond,
          quietHours: source.quietHours,
          frequencyCap: source.frequencyCap,
          deliveryMode: source.deliveryMode,
          senderRecipientId: source.senderRecipientId,
          createdBy: actor.userId,
        }),
      );
      await this.recordAction(manager, actor, 'create', saved.id, {
        ...createdRecord(saved),
        duplicatedFrom: source.id,
      });
      return saved;
    });
  }

  /**
   * Recipients, sending time at the pace, quota days, and, when quiet hours apply, how long the
   * first sends wait for the channel's window (in its zone) to end after `startAt`.
   */
  async estimate(
    channelId: string,
    audienceId: string,
    ratePerSecond: number,
    quietHours = false,
    startAt: Date = new Date(),
  ): Promise<BlastEstimate> {
    const recipients = await this.audiences.count(channelId, audienceId);
    let quietUntil: Date | null = null;
    if (quietHours && recipients > 0) {
      const channel = await this.channels.get(channelId);
      const window = { start: channel.quietHoursStart, end: channel.quietHoursEnd };
      if (isQuiet(startAt, channel.timeZone, window)) {
        quietUntil = quietEndsAt(startAt, channel.timeZone, window);
      }
    }
    return {
      recipients,
      ratePerSecond,
      durationSeconds: Math.ceil(recipients / Math.max(1, ratePerSecond)),
      quotaDays: Math.max(1, Math.ceil(recipients / DAILY_MESSAGE_QUOTA)),
      quietUntil: quietUntil?.toISOString() ?? null,
      waitSeconds: quietUntil
        ? Math.max(0, Math.ceil((quietUntil.getTime() - startAt.getTime()) / 1000))
        : 0,
    };
  }

  /** The estimate of a saved blast as it would start now: its audience, pace and schedule. */
  async estimateStart(channelId: string, id: string): Promise<BlastEstimate> {
    const blast = await this.get(channelId, id);
    const now = new Date();
    const at =
      blast.schedule.kind === 'now'
        ? now
        : blast.schedule.kind === 'at'
          ? scheduleInstant(blast.schedule)
          : occurrenceAfter(blast.schedule, now);
    return this.estimate(
      channelId,
      blast.audienceId,
      blast.ratePerSecond,
      blast.quietHours,
      at && at > now ? at : now,
    );
  }

  /** Starts the blast: now, at its local time, or its recurring schedule's next occurrence. */
  async start(actor: BlastActor, id: string): Promise<BlastRunEntity> {
    const blast = await this.get(actor.channelId, id);
    if (blast.state !== BlastState.Draft) {
      throw new BlastException(BlastErrorCode.WrongState, `The blast is already ${blast.state}`);
    }
    const now = new Date();
    const at =
      blast.schedule.kind === 'now'
        ? now
        : blast.schedule.kind === 'at'
          ? scheduleInstant(blast.schedule)
          : occurrenceAfter(blast.schedule, now);
    if (!at) {
      throw new BlastException(BlastErrorCode.Invalid, 'The schedule has no time to run', {
        schedule: 'has no occurrence',
      });
    }
    const recipients = await this.audiences.count(actor.channelId, blast.audienceId);
    await this.transactions.run(async (manager) => {
      await manager.update(
        BlastEntity,
        { id },
        { state: blast.schedule.kind === 'now' ? BlastState.Active : BlastState.Scheduled },
      );
      await this.recordAction(manager, actor, 'start', id, {
        name: blast.name,
        scheduledAt: at.toISOString(),
        recipients,
      });
    });
    return this.scheduler.scheduleRun(blast, at);
  }

  async runsOf(channelId: string, blastId: string): Promise<BlastRunEntity[]> {
    await this.get(channelId, blastId);
    return this.runs.find({ where: { blastId }, order: { scheduledAt: 'DESC' } });
  }

  async run(channelId: string, runId: string): Promise<BlastRunEntity> {
    const run = await this.runs.findOneBy({ id: runId, channelId });
    if (!run) {
      throw new BlastException(BlastErrorCode.RunNotFound, `Run ${runId} not found`);
    }
    return run;
  }

  async progress(channelId: string, runId: string): Promise<RunProgress> {
    const run = await this.run(channelId, runId);
    const counts = await this.ledger.counts(runId);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const open = counts.pending + counts.sending;
    const done = total - open;
    const currentRate = this.currentRate(run, counts.sent);
    return {
      runId,
      state: run.state,
      pauseReason: run.pauseReason,
      resumeAt: run.resumeAt?.toISOString() ?? null,
      total,
      counts,
      done,
      percent: total === 0 ? (run.fanoutDone ? 100 : 0) : Math.floor((done / total) * 1000) / 10,
      currentRate,
      etaSeconds: open === 0 ? 0 : currentRate > 0 ? Math.ceil(open / currentRate) : null,
    };
  }

  /**
   * Messages per second over about the last 10 s of readings; before a second reading, the
   * average since the run started.
   */
  private currentRate(run: BlastRunEntity, sent: number): number {
    const now = Date.now();
    const measured = this.rates.observe(run.id, sent, now);
    if (run.state !== RunState.Sending) {
      return 0;
    }
    if (measured !== undefined) {
      return Math.round(measured * 10) / 10;
    }
    const elapsedMs = run.startedAt ? now - run.startedAt.getTime() : 0;
    return elapsedMs > 0 ? Math.round((sent / (elapsedMs / 1000)) * 10) / 10 : 0;
  }

  async pause(actor: BlastActor, runId: string): Promise<RunProgress> {
    const { channelId } = actor;
    const run = await this.run(channelId, runId);
    if (run.state !== RunState.Sending && run.state !== RunState.Paused) {
      throw new BlastException(BlastErrorCode.WrongState, `A ${run.state} run cannot be paused`);
    }
    await this.transitions.pause(
      runId,
      PauseReason.Manual,
      null,
      [RunState.Sending, RunState.Paused],
      this.runAudit(actor, 'pause'),
    );
    return this.progress(channelId, runId);
  }

  /**
   * Resumes a paused run. A quiet-hours pause is refused while the channel's window still holds:
   * the sender pauses only when everyone it had left was asleep, so resuming then would send
   * nothing and pause again; the run resumes by itself when the window ends.
   */
  async resume(actor: BlastActor, runId: string): Promise<RunProgress> {
    const { channelId } = actor;
    const run = await this.run(channelId, runId);
    if (run.state !== RunState.Paused) {
      throw new BlastException(BlastErrorCode.WrongState, `A ${run.state} run cannot be resumed`);
    }
    if (run.pauseReason === PauseReason.QuietHours) {
      const channel = await this.channels.get(channelId);
      const window = { start: channel.quietHoursStart, end: channel.quietHoursEnd };
      const now = new Date();
      if (isQuiet(now, channel.timeZone, window)) {
        const resumeAt = quietEndsAt(now, channel.timeZone, window).toISOString();
        throw new BlastException(
          BlastErrorCode.WrongState,
          `Quiet hours: the run resumes by itself at ${resumeAt}`,
          undefined,
          { reason: 'quiet_hours', resumeAt },
        );
      }
    }
    if (await this.transitions.resume(runId, false, this.runAudit(actor, 'resume'))) {
      // Readings from before the pause would make the rate look slow and the ETA long.
      this.rates.forget(runId);
      await this.scheduler.reconcileRun(runId);
    }
    return this.progress(channelId, runId);
  }

  async cancel(actor: BlastActor, runId: string): Promise<RunProgress> {
    const { channelId } = actor;
    const run = await this.run(channelId, runId);
    if (run.state === RunState.Completed || run.state === RunState.Cancelled) {
      throw new BlastException(BlastErrorCode.WrongState, `A ${run.state} run cannot be cancelled`);
    }
    await this.transitions.cancel(runId, this.runAudit(actor, 'cancel'));
    await this.ledger.skipPending(runId, 'cancelled');
    const blast = await this.blasts.findOneByOrFail({ id: run.blastId });
    if (blast.schedule.kind !== 'recurring') {
      await this.blasts.update({ id: blast.id }, { state: BlastState.Cancelled });
    }
    return this.progress(channelId, runId);
  }

  /** A person resends `unknown` (or failed) deliveries, knowing a duplicate is possible. */
  async resend(actor: BlastActor, runId: string, states: DeliveryState[]): Promise<RunProgress> {
    const { channelId } = actor;
    const run = await this.run(channelId, runId);
    const requeued = await this.ledger.requeue(runId, states);
    // The ledger's requeue commits on its own; the audit row says what it did.
    await this.transactions.run((manager) =>
      this.recordAction(manager, actor, 'resend', run.blastId, { runId, states, requeued }),
    );
    if (requeued > 0 && (await this.transitions.reopen(run.id))) {
      await this.scheduler.reconcileRun(run.id);
    }
    return this.progress(channelId, runId);
  }

  async deliveriesOf(
    channelId: string,
    runId: string,
    filter: { state?: string; kakaoCode?: number },
    start: number,
    end: number,
  ): Promise<Page<BlastDeliveryEntity>> {
    await this.run(channelId, runId);
    const [items, total] = await this.deliveries.findAndCount({
      where: {
        runId,
        ...(filter.state ? { state: filter.state as DeliveryState } : {}),
        ...(filter.kakaoCode !== undefined ? { kakaoCode: filter.kakaoCode } : {}),
      },
      order: { id: 'ASC' },
      skip: start,
      take: end - start + 1,
    });
    return { items, total };
  }

  /** Sends the blast's message to one recipient now, outside any run. */
  async testSend(actor: BlastActor, id: string, recipientId: string): Promise<{ sent: true }> {
    const { channelId } = actor;
    const blast = await this.get(channelId, id);
    const [credential] = await this.recipients.sendingCredentials(channelId, [recipientId]);
    if (!credential || 'skip' in credential) {
      throw new BlastException(
        BlastErrorCode.TestSendFailed,
        `Cannot send to this recipient: ${credential ? credential.skip : 'not found'}`,
        {
          recipientId: credential ? credential.skip : 'not a recipient of this channel',
        },
      );
    }
    try {
      await this.kakao.messages.sendToMe(
        credential.accessToken,
        prepareTemplate(calendarTemplate(blast.message, blast.kakaoTargetId)),
        { retries: 0 },
      );
    } catch (error) {
      const outcome = classifySendError(error);
      throw new BlastException(
        BlastErrorCode.TestSendFailed,
        `Kakao refused the test message: ${'reason' in outcome ? outcome.reason : ''}`,
        {
          recipientId: 'reason' in outcome ? outcome.reason : 'refused',
        },
      );
    }
    await this.transactions.run((manager) =>
      this.recordAction(manager, actor, 'test_send', id, { name: blast.name, recipientId }),
    );
    return { sent: true };
  }
}
