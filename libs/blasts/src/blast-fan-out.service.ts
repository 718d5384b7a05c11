import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';

import { AudiencesService } from '@app/audiences';
import { TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, JobsService, OnJob } from '@app/jobs';

import { BlastLedgerRepository } from './blast-ledger.repository';
import { BlastRunTransitions } from './blast-run-transitions';
import { BlastRunEntity } from './blast-run.entity';
import { BlastEntity } from './blast.entity';
import { RunState } from './blast.enums';

/** Recipients per ledger batch (and per send job). */
export const BATCH_SIZE = 100;
/** Recipients per fan-out statement (one INSERT … SELECT each). */
const FANOUT_PAGE = 20_000;

/** Freezes a run's audience into the ledger, page by page, and queues its batches. */
@Injectable()
export class BlastFanOutService {
  constructor(
    @InjectRepository(BlastEntity) private readonly blasts: Repository<BlastEntity>,
    @InjectRepository(BlastRunEntity) private readonly runs: Repository<BlastRunEntity>,
    private readonly ledger: BlastLedgerRepository,
    private readonly audiences: AudiencesService,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobsService,
    private readonly transitions: BlastRunTransitions,
  ) {}

  /**
   * Writes the audience into the ledger page by page (keyset), resuming after its cursor. Each
   * page is one INSERT … SELECT inside Postgres, so a million recipients take seconds and the
   * worker's memory stays flat.
   */
  @OnJob(JobName.BlastFanOut)
  async fanOut(data: JobPayloads[JobName.BlastFanOut]): Promise<void> {
    const run = await this.runs.findOneBy({ id: data.runId });
    if (!run || run.fanoutDone || run.state === RunState.Cancelled) {
      return;
    }
    const blast = await this.blasts.findOneByOrFail({ id: run.blastId });
    const membership = await this.audiences.membershipPredicate(run.channelId, blast.audienceId);
    const now = new Date();
    const frequencyCap =
      blast.frequencyCap === null
        ? null
        : {
            cap: blast.frequencyCap,
            since: new Date(now.getTime() - 7 * 24 * 3600 * 1000),
            reason: `frequency cap: ${blast.frequencyCap} calendar messages in 7 days`,
          };
    const notReachedBefore =
      blast.schedule.kind === 'recurring' && blast.schedule.onlyNotReached
        ? { blastId: blast.id, reason: 'already reached by an earlier run of this blast' }
        : null;
    let cursor = run.fanoutCursor;
    let batchCount = run.batchCount;
    for (;;) {
      const first = batchCount + 1;
      const previousCursor = cursor;
      const page = await this.transactions.run(async (manager) => {
        const written = await this.ledger.insertAudiencePage(manager, {
          runId: run.id,
          channelId: run.channelId,
          membership,
          after: previousCursor,
          limit: FANOUT_PAGE,
          firstBatchNo: first,
          batchSize: BATCH_SIZE,
          frequencyCap,
          notReachedBefore,
        });
        if (written.count === 0) {
          return written;
        }
        // Only from the cursor this fan-out read: a second one running beside it (a job taken
        // over while its first worker still ran) rolls its page back instead of numbering twice.
        const [, moved] = await manager.query<[unknown[], number]>(
          `UPDATE blast_runs
           SET fanout_cursor = $2, batch_count = $3, recipient_count = recipient_count + $4, updated_at = now()
           WHERE id = $1 AND fanout_cursor IS NOT DISTINCT FROM $5::uuid`,
          [
            run.id,
            written.last,
            batchCount + Math.ceil(written.count / BATCH_SIZE),
            written.count,
            previousCursor,
          ],
        );
        if (moved === 0) {
          throw new Error(`Fan-out of run ${run.id} was taken over by another worker`);
        }
        return written;
      });
      if (page.count === 0) {
        break;
      }
      batchCount += Math.ceil(page.count / BATCH_SIZE);
      cursor = page.last;
      // Queued after the commit: the reconciler re-queues whatever a crash here loses.
      await this.jobs.queueMany(
        JobName.BlastSendBatch,
        Array.from({ length: batchCount - first + 1 }, (_, index) => ({
          data: { runId: run.id, channelId: run.channelId, batchNo: first + index },
        })),
      );
    }
    await this.runs.update({ id: run.id }, { fanoutDone: true });
    await this.transitions.complete(run.id);
  }
}
