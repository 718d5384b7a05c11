import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';

import { JobName, type JobPayloads, JobsService, OnJob } from '@app/jobs';

import { BlastLedgerRepository } from './blast-ledger.repository';
import { BlastRunTransitions } from './blast-run-transitions';
import { BlastRunEntity } from './blast-run.entity';
import { occurrenceAfter } from './blast-validation';
import { BlastEntity } from './blast.entity';
import { BlastState, RunState } from './blast.enums';

/**
 * When runs happen: creates a run and its start job, starts it at its time (and the next run of
 * a series), and rebuilds every live run's jobs from Postgres (the reconciler).
 */
@Injectable()
export class BlastRunScheduler {
  private readonly logger = new Logger(BlastRunScheduler.name);

  constructor(
    @InjectRepository(BlastEntity) private readonly blasts: Repository<BlastEntity>,
    @InjectRepository(BlastRunEntity) private readonly runs: Repository<BlastRunEntity>,
    private readonly ledger: BlastLedgerRepository,
    private readonly jobs: JobsService,
    private readonly transitions: BlastRunTransitions,
  ) {}

  /**
   * Creates the run of `blast` at `at` (once: a second call finds it) and queues its start job,
   * delayed until then. The reconciler queues it again if Redis loses it.
   */
  async scheduleRun(blast: BlastEntity, at: Date): Promise<BlastRunEntity> {
    await this.runs
      .createQueryBuilder()
      .insert()
      .values({
        blastId: blast.id,
        channelId: blast.channelId,
        scheduledAt: at,
        state: RunState.Pending,
      })
      .orIgnore()
      .execute();
    const run = await this.runs.findOneByOrFail({ blastId: blast.id, scheduledAt: at });
    await this.queueStart(run);
    return run;
  }

  private queueStart(run: BlastRunEntity): Promise<boolean> {
    return this.jobs.ensureQueued(
      JobName.BlastRunStart,
      { runId: run.id, channelId: run.channelId },
      { delay: Math.max(0, run.scheduledAt.getTime() - Date.now()) },
    );
  }

  /** A run's time has come: it starts sending, and a recurring blast schedules its next run. */
  @OnJob(JobName.BlastRunStart)
  async startRun(data: JobPayloads[JobName.BlastRunStart]): Promise<void> {
    const run = await this.runs.findOneBy({ id: data.runId });
    if (!run || run.state !== RunState.Pending) {
      return;
    }
    const blast = await this.blasts.findOneByOrFail({ id: run.blastId });
    if (blast.state === BlastState.Cancelled) {
      await this.transitions.cancel(run.id);
      return;
    }
    await this.transitions.start(run.id);
    await this.blasts.update({ id: blast.id }, { state: BlastState.Active });
    await this.jobs.ensureQueued(JobName.BlastFanOut, { runId: run.id, channelId: run.channelId });
    await this.scheduleNextRun(blast, run.scheduledAt);
  }

  /** The next run of a recurring blast after `after` (none when the series has ended). */
  private async scheduleNextRun(blast: BlastEntity, after: Date): Promise<boolean> {
    if (blast.schedule.kind !== 'recurring') {
      return false;
    }
    const next = occurrenceAfter(blast.schedule, new Date(after.getTime() + 1000));
    if (next) {
      await this.scheduleRun(blast, next);
    }
    return next !== undefined;
  }

  /**
   * Rebuilds every live run's jobs from Postgres (Redis may have lost everything): pending runs
   * get their start job back (delayed to their time), paused runs whose time has come resume,
   * sending runs get their fan-out and open batches back, and a recurring series with no next
   * run gets one. Runs on worker start and as a repeating job.
   */
  @OnJob(JobName.BlastReconcile)
  async reconcile(): Promise<{ requeued: number; resumed: number }> {
    let requeued = 0;
    let resumed = 0;
    const due = await this.runs
      .createQueryBuilder('r')
      .select(['r.id'])
      .where(`r.state = 'paused' AND r.pause_reason <> 'manual' AND r.resume_at <= now()`)
      .getMany();
    for (const run of due) {
      if (await this.transitions.resume(run.id, true)) {
        resumed += 1;
      }
    }
    for (const run of await this.runs.findBy({ state: RunState.Pending })) {
      if (await this.queueStart(run)) {
        requeued += 1;
      }
    }
    for (const run of await this.runs.findBy({ state: RunState.Sending })) {
      requeued += await this.requeueRun(run);
    }
    requeued += await this.continueSeries();
    if (requeued + resumed > 0) {
      this.logger.log(`Blast reconcile: re-queued ${requeued} jobs, resumed ${resumed} runs`);
    }
    return { requeued, resumed };
  }

  /**
   * One run's jobs back from the ledger: after a person resumed it or put rows back to pending.
   * Touches nothing of other runs.
   */
  async reconcileRun(runId: string): Promise<void> {
    const run = await this.runs.findOneBy({ id: runId });
    if (run?.state === RunState.Sending) {
      await this.requeueRun(run);
    }
  }

  private async requeueRun(run: BlastRunEntity): Promise<number> {
    let requeued = 0;
    const ids = { runId: run.id, channelId: run.channelId };
    if (!run.fanoutDone && (await this.jobs.ensureQueued(JobName.BlastFanOut, ids))) {
      requeued += 1;
    }
    for (const batchNo of await this.ledger.openBatches(run.id)) {
      if (await this.jobs.ensureQueued(JobName.BlastSendBatch, { ...ids, batchNo })) {
        requeued += 1;
      }
    }
    await this.transitions.complete(run.id);
    return requeued;
  }

  /** Recurring blasts still on whose next run is missing (its start was lost before the insert). */
  private async continueSeries(): Promise<number> {
    const orphaned = await this.blasts
      .createQueryBuilder('b')
      .where(`b.schedule->>'kind' = 'recurring'`)
      .andWhere('b.state IN (:...states)', { states: [BlastState.Scheduled, BlastState.Active] })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM blast_runs r WHERE r.blast_id = b.id AND r.state = 'pending')`,
      )
      .getMany();
    let scheduled = 0;
    for (const blast of orphaned) {
      const [last] = await this.runs.find({
        where: { blastId: blast.id },
        order: { scheduledAt: 'DESC' },
        take: 1,
      });
      if (await this.scheduleNextRun(blast, last ? last.scheduledAt : new Date())) {
        scheduled += 1;
      }
    }
    return scheduled;
  }
}
