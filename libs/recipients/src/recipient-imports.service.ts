import { Readable } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { CsvError, parse } from 'csv-parse';
import { type EntityManager } from 'typeorm';

import { type AuditActor, AuditService } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import { JobName, type JobPayloads, JobsService, OnJob } from '@app/jobs';

import { csvCell, type ImportHeader, parseImportHeader, parseImportRow } from './import-row';
import { type RecipientImportEntity } from './recipient-import.entity';
import {
  type ImportAttempt,
  ImportSupersededError,
  RecipientImportRepository,
  type RejectedRow,
  type StagedRow,
} from './recipient-import.repository';
import { ImportKind, ImportMode, ImportState } from './recipient.enums';
import { IMPORTS } from './recipients.constants';
import { RecipientsErrorCode, RecipientsException } from './recipients.exception';

/**
 * Writes the staged rows of one kind of import, inside the transaction that completes it, and
 * answers how many it wrote. Throwing rolls everything back: nothing is half-imported.
 */
export type ImportApplier = (
  manager: EntityManager,
  recipientImport: RecipientImportEntity,
) => Promise<number>;

export interface ImportRequest {
  kind: ImportKind;
  mode?: ImportMode;
  /** The audience of an `audience_members` import. */
  targetId?: string;
  fileName?: string | null;
}

/** A problem with the file as a whole: the import fails at once, without retries. */
class ImportFileError extends Error {}

/** A row the parser skipped before any header was read was the header: the file fails on it. */
function throwIfHeaderSkipped(skipped: readonly RejectedRow[]): void {
  const [first] = skipped;
  if (first !== undefined) {
    throw new ImportFileError(`header (row ${first.rowNumber}): ${first.reason}`);
  }
}

const ERRORS_PAGE = 1000;

/** The longest row (header included) the parser reads; a longer one is rejected, not read. */
const MAX_ROW_BYTES = 1024 * 1024;

/**
 * Streamed CSV imports. The API stores the upload in Postgres in pieces (never the whole file in
 * memory, readable by any worker) and queues a job; the job parses the pieces as one stream,
 * checks each row, stages accepted rows and rejected ones (the report) batch by batch, then
 * applies every staged row in ONE transaction: a failure at any point leaves nothing written.
 */
@Injectable()
export class RecipientImportsService {
  private readonly logger = new Logger(RecipientImportsService.name);
  private readonly appliers = new Map<ImportKind, ImportApplier>();

  constructor(
    private readonly imports: RecipientImportRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {
    this.appliers.set(ImportKind.RecipientFields, (manager, row) =>
      this.imports.applyRecipientFields(manager, row.id, row.channelId, row.mode),
    );
  }

  /** Lets another module (audiences) apply its own kind of import. */
  registerApplier(kind: ImportKind, applier: ImportApplier): void {
    this.appliers.set(kind, applier);
  }

  /**
   * Stores the uploaded file as it streams in and queues its processing; answers at once with the
   * import (state `queued`).
   */
  async receive(
    actor: AuditActor & { channelId: string },
    request: ImportRequest,
    file: AsyncIterable<Buffer | string>,
  ): Promise<RecipientImportEntity> {
    const created = await this.imports.create({
      channelId: actor.channelId,
      kind: request.kind,
      mode: request.mode ?? ImportMode.Merge,
      targetId: request.targetId ?? null,
      state: ImportState.Uploading,
      fileName: request.fileName?.slice(0, 255) ?? null,
      createdBy: actor.userId,
    });
    let bytes = 0;
    try {
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      for await (const piece of file) {
        const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
        bytes += buffer.length;
        if (bytes > IMPORTS.maxFileBytes) {
          throw new RecipientsException(
            RecipientsErrorCode.ImportInvalid,
            `The file is larger than ${IMPORTS.maxFileBytes} bytes`,
            { file: 'is too large' },
          );
        }
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= IMPORTS.chunkBytes) {
          await this.imports.addChunk(created.id, seq, Buffer.concat(pending));
          seq += 1;
          pending = [];
          pendingBytes = 0;
        }
      }
      if (pendingBytes > 0) {
        await this.imports.addChunk(created.id, seq, Buffer.concat(pending));
      }
      if (bytes === 0) {
        throw new RecipientsException(RecipientsErrorCode.ImportInvalid, 'The file is empty', {
          file: 'is empty',
        });
      }
    } catch (error) {
      // An interrupted or refused upload leaves nothing behind.
      await this.imports.delete(created.id);
      throw error;
    }
    await this.transactions.run(async (manager) => {
      await this.audit.record(manager, {
        actor,
        action: 'recipient_import.create',
        entityType: 'recipient_import',
        entityId: created.id,
        after: {
          kind: created.kind,
          mode: created.mode,
          targetId: created.targetId,
          fileName: created.fileName,
          bytes,
        },
      });
    });
    await this.imports.markQueued(created.id, bytes);
    await this.enqueue(created.id, actor.channelId);
    return (await this.imports.findById(created.id))!;
  }

  /**
   * Queues again the imports a lost job left `queued` or `processing` (Redis flushed, enqueue
   * failed). Job ids are deterministic, so imports whose job still exists are not doubled.
   */
  async requeueUnfinished(): Promise<number> {
    const unfinished = await this.imports.unfinished();
    for (const row of unfinished) {
      await this.enqueue(row.id, row.channelId);
    }
    return unfinished.length;
  }

  private async enqueue(importId: string, channelId: string): Promise<void> {
    await this.jobs.queue(
      JobName.RecipientImportProcess,
      { importId, channelId },
      {
        jobId: `recipient-import-${importId}`,
        attempts: IMPORTS.attempts,
        backoff: { type: 'exponential', delay: IMPORTS.backoffMs },
      },
    );
  }

  async get(channelId: string, id: string): Promise<RecipientImportEntity> {
    const found = await this.imports.findInChannel(channelId, id);
    if (!found) {
      throw new RecipientsException(RecipientsErrorCode.ImportNotFound, `Import ${id} not found`);
    }
    return found;
  }

  list(channelId: string, query: ListQuery): Promise<Page<RecipientImportEntity>> {
    return this.imports.page(channelId, query);
  }

  /** The rejected rows as CSV (`row,kakao_user_id,reason`), streamed page by page. */
  async errorsCsv(channelId: string, id: string): Promise<Readable> {
    await this.get(channelId, id);
    const imports = this.imports;
    async function* lines(): AsyncGenerator<string> {
      yield 'row,kakao_user_id,reason\r\n';
      let after = 0;
      for (;;) {
        const page = await imports.errorsAfter(id, after, ERRORS_PAGE);
        if (page.length === 0) {
          return;
        }
        yield page
          .map(
            (row) => `${row.row_number},${csvCell(row.kakao_user_id)},${csvCell(row.reason)}\r\n`,
          )
          .join('');
        after = page[page.length - 1].row_number;
      }
    }
    return Readable.from(lines());
  }

  @OnJob(JobName.RecipientImportProcess)
  async process(data: JobPayloads[JobName.RecipientImportProcess], job: Job): Promise<void> {
    const found = await this.imports.findById(data.importId);
    if (
      !found ||
      found.state === ImportState.Completed ||
      found.state === ImportState.Failed ||
      found.state === ImportState.Uploading
    ) {
      return;
    }
    const applier = this.appliers.get(found.kind);
    if (!applier) {
      await this.imports.fail(found.id, `no applier for imports of kind ${found.kind}`);
      throw new UnrecoverableError(`No applier for imports of kind ${found.kind}`);
    }
    const owner = await this.imports.restart(found.id);
    try {
      await this.stage(found, owner);
      await this.transactions.run(async (manager) => {
        await this.imports.lockOwned(manager, owner);
        const applied = await applier(manager, found);
        await this.imports.complete(manager, found.id, applied);
        await this.audit.record(manager, {
          actor: { userId: found.createdBy, email: null, channelId: found.channelId, ip: null },
          action: 'recipient_import.apply',
          entityType: 'recipient_import',
          entityId: found.id,
          after: {
            kind: found.kind,
            mode: found.mode,
            targetId: found.targetId,
            rowsApplied: applied,
          },
        });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ImportSupersededError) {
        // A stalled job was run again while this one still ran: the newer run owns the import.
        this.logger.warn(message);
        return;
      }
      if (error instanceof ImportFileError) {
        await this.imports.fail(found.id, message, owner);
        throw new UnrecoverableError(message);
      }
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`Import ${found.id} failed (final: ${final}): ${message}`);
      if (final) {
        await this.imports.fail(found.id, `could not be written: ${message}`, owner);
      } else {
        await this.imports.markRetrying(owner, message);
      }
      throw error;
    }
  }

  /** Reads the stored file as one stream: UTF-8 (strict), then CSV, then rows in batches. */
  private async stage(found: RecipientImportEntity, owner: ImportAttempt): Promise<void> {
    const skipped: RejectedRow[] = [];
    const parser = parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_ROW_BYTES,
      skip_records_with_error: true,
      info: true,
      on_skip: (error: CsvError | undefined) => {
        if (error) {
          skipped.push({
            rowNumber: Number(error.lines ?? 0),
            kakaoUserId: null,
            reason:
              error.code === 'CSV_MAX_RECORD_SIZE'
                ? `the row is longer than ${MAX_ROW_BYTES} bytes (too many or too long columns)`
                : `not valid CSV: ${error.message}`,
          });
        }
      },
    });
    const source = Readable.from(this.decodedFile(found.id), { objectMode: false });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);

    let header: ImportHeader | undefined;
    let batch: (StagedRow | RejectedRow)[] = [];
    let read = 0;
    try {
      for await (const entry of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        const rowNumber = entry.info.lines;
        if (header === undefined) {
          throwIfHeaderSkipped(skipped);
          const parsed = parseImportHeader(entry.record, found.kind);
          if (!parsed.ok) {
            throw new ImportFileError(`header (row ${rowNumber}): ${parsed.reason}`);
          }
          header = parsed.value;
          continue;
        }
        read += 1;
        const row = parseImportRow(header, entry.record);
        batch.push(
          row.ok
            ? { ...row.value, rowNumber }
            : {
                rowNumber,
                kakaoUserId: (entry.record[header.kakaoUserId] ?? '').trim() || null,
                reason: row.reason,
              },
        );
        if (skipped.length > 0) {
          read += skipped.length;
          batch.push(...skipped.splice(0));
        }
        if (batch.length >= IMPORTS.batchRows) {
          await this.stageBatch(found, owner, batch, read);
          batch = [];
          read = 0;
        }
      }
    } catch (error) {
      if (error instanceof CsvError) {
        throw new ImportFileError(`not valid CSV: ${error.message}`);
      }
      throw error;
    }
    if (header === undefined) {
      throwIfHeaderSkipped(skipped);
      throw new ImportFileError('the file has no header row');
    }
    read += skipped.length;
    batch.push(...skipped.splice(0));
    if (batch.length > 0) {
      await this.stageBatch(found, owner, batch, read);
    }
  }

  private async stageBatch(
    found: RecipientImportEntity,
    owner: ImportAttempt,
    batch: (StagedRow | RejectedRow)[],
    read: number,
  ): Promise<void> {
    const accepted = batch.filter((row): row is StagedRow => !('reason' in row));
    const rejected = batch.filter((row): row is RejectedRow => 'reason' in row);
    const ids = await this.imports.recipientIds(
      found.channelId,
      accepted.map((row) => row.kakaoUserId),
    );
    const staged: (StagedRow & { recipientId: string })[] = [];
    for (const row of accepted) {
      const recipientId = ids.get(row.kakaoUserId);
      if (recipientId === undefined) {
        rejected.push({
          rowNumber: row.rowNumber,
          kakaoUserId: row.kakaoUserId,
          reason: `no recipient with kakao_user_id ${row.kakaoUserId} in this channel`,
        });
      } else {
        staged.push({ ...row, recipientId });
      }
    }
    await this.imports.stageBatch(owner, staged, rejected, read);
  }

  /** The stored pieces in order, decoded as strict UTF-8 across piece boundaries. */
  private async *decodedFile(importId: string): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let offset = 0;
    for (let seq = 0; ; seq += 1) {
      const chunk = await this.imports.chunk(importId, seq);
      if (chunk === undefined) {
        break;
      }
      try {
        yield decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportFileError(
          `the file is not valid UTF-8 (in bytes ${offset}-${offset + chunk.length}); save it as CSV UTF-8`,
        );
      }
      offset += chunk.length;
    }
    try {
      yield decoder.decode();
    } catch {
      throw new ImportFileError('the file is not valid UTF-8 (it ends inside a character)');
    }
  }
}
