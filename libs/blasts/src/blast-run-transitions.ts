import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { TransactionRunner } from '@app/database';
import { WebhookEventType, WebhooksService } from '@app/webhooks';

import { BlastLedgerRepository } from './blast-ledger.repository';
import { BlastRunEntity } from './blast-run.entity';
import { type PauseReason, RunState } from './blast.enums';

/** Extra work written in a transition's transaction when the state did change (an audit row). */
export type TransitionHook = (manager: EntityManager, run: BlastRunEntity) => Promise<void>;

/** The run an UPDATE … RETURNING completed. */
interface CompletedRun {
  blastId: string;
  channelId: string;
  finishedAt: Date;
}

/**
 * The changes of a run's state that the outside world hears about, each with its webhook event
 * written in the same transaction (`blast.started`, `blast.paused`, `blast.finished`,
 * `blast.failed`). A run that is cancelled ends with `blast.failed` (`reason: "cancelled"`):
 * the engine has no other way for a run to end without completing, and a receiver that saw
 * `blast.started` always hears how the run ended.
 */
@Injectable()
export class BlastRunTransitions {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: BlastLedgerRepository,
    private readonly webhooks: WebhooksService,
  ) {}

  private lock(manager: EntityManager, runId: string): Promise<BlastRunEntity | null> {
    return manager.findOne(BlastRunEntity, {
      where: { id: runId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Pending → sending. False when the run was not pending any more. */
  start(runId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const run = await this.lock(manager, runId);
      if (!run || run.state !== RunState.Pending) {
        return false;
      }
      const startedAt = new Date();
      await manager.update(BlastRunEntity, { id: runId }, { state: RunState.Sending, startedAt });
      await this.webhooks.emit(manager, run.channelId, WebhookEventType.BlastStarted, {
        blastId: run.blastId,
        runId,
        scheduledAt: run.scheduledAt.toISOString(),
        startedAt: startedAt.toISOString(),
      });
      return true;
    });
  }

  /**
   * Pauses a run that is in one of `from`; the event goes out when the run was not already paused
   * for the same reason (a manual pause of a run paused for quiet hours is news).
   */
  pause(
    runId: string,
    reason: PauseReason,
    resumeAt: Date | null,
    from: readonly RunState[] = [RunState.Sending],
    onChange?: TransitionHook,
  ): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const run = await this.lock(manager, runId);
      if (!run || !from.includes(run.state)) {
        return false;
      }
      await manager.update(
        BlastRunEntity,
        { id: runId },
        { state: RunState.Paused, pauseReason: reason, resumeAt },
      );
      if (run.state !== RunState.Paused || run.pauseReason !== reason) {
        await this.webhooks.emit(manager, run.channelId, WebhookEventType.BlastPaused, {
          blastId: run.blastId,
          runId,
          reason,
          resumeAt: resumeAt?.toISOString() ?? null,
        });
      }
      await onChange?.(manager, run);
      return true;
    });
  }

  /**
   * Paused → sending. `due` resumes only a run whose automatic pause (quota, quiet hours) has
   * run out; a manual pause waits for a person.
   */
  resume(runId: string, due = false, onChange?: TransitionHook): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE blast_runs SET state = 'sending', pause_reason = NULL, resume_at = NULL, updated_at = now()
         WHERE id = $1 AND state = 'paused'
           AND (NOT $2 OR (pause_reason <> 'manual' AND resume_at <= now()))`,
        [runId, due],
      );
      if (changed > 0 && onChange) {
        await onChange(manager, await manager.findOneByOrFail(BlastRunEntity, { id: runId }));
      }
      return changed > 0;
    });
  }

  /**
   * A person put rows back to pending (resend): a completed or sending run sends again; a paused
   * one stays paused until resumed; pending and cancelled runs do not change.
   */
  async reopen(runId: string): Promise<boolean> {
    const [, changed] = await this.transactions.run((manager) =>
      manager.query<[unknown[], number]>(
        `UPDATE blast_runs SET state = 'sending', finished_at = NULL, updated_at = now()
         WHERE id = $1 AND state IN ('completed', 'sending')`,
        [runId],
      ),
    );
    return changed > 0;
  }

  /** Completes the run when fan-out is done and no row is pending or being sent. */
  complete(runId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const [rows] = await manager.query<[CompletedRun[], number]>(
        `UPDATE blast_runs SET state = 'completed', finished_at = now(), updated_at = now()
         WHERE id = $1 AND state = 'sending' AND fanout_done
           AND NOT EXISTS (SELECT 1 FROM blast_deliveries WHERE run_id = $1 AND state IN ('pending', 'sending'))
         RETURNING blast_id AS "blastId", channel_id AS "channelId", finished_at AS "finishedAt"`,
        [runId],
      );
      const done = rows[0];
      if (!done) {
        return false;
      }
      // A one-off blast is finished with its only run; a recurring one waits for its next run.
      await manager.query(
        `UPDATE blasts SET state = 'finished', updated_at = now()
         WHERE id = $1 AND state = 'active' AND schedule->>'kind' <> 'recurring'`,
        [done.blastId],
      );
      const counts = await this.ledger.counts(runId, manager);
      await this.webhooks.emit(manager, done.channelId, WebhookEventType.BlastFinished, {
        blastId: done.blastId,
        runId,
        finishedAt: done.finishedAt.toISOString(),
        total: Object.values(counts).reduce((sum, count) => sum + count, 0),
        counts,
      });
      return true;
    });
  }

  /** Any state but completed or cancelled → cancelled; what was still pending stays as counted. */
  cancel(runId: string, onChange?: TransitionHook): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const run = await this.lock(manager, runId);
      if (!run || run.state === RunState.Completed || run.state === RunState.Cancelled) {
        return false;
      }
      const finishedAt = new Date();
      await manager.update(
        BlastRunEntity,
        { id: runId },
        { state: RunState.Cancelled, finishedAt },
      );
      const counts = await this.ledger.counts(runId, manager);
      await this.webhooks.emit(manager, run.channelId, WebhookEventType.BlastFailed, {
        blastId: run.blastId,
        runId,
        reason: 'cancelled',
        finishedAt: finishedAt.toISOString(),
        total: Object.values(counts).reduce((sum, count) => sum + count, 0),
        counts,
      });
      await onChange?.(manager, run);
      return true;
    });
  }
}
