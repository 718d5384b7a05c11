import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { type ImportRow } from './import-row';
import { RecipientImportEntity } from './recipient-import.entity';
import { ImportMode, ImportState } from './recipient.enums';

export interface StagedRow extends ImportRow {
  rowNumber: number;
}

/** One processing of an import: only the latest may write its rows, counters and end. */
export interface ImportAttempt {
  importId: string;
  attempt: number;
}

/** A later processing took the import over (the job stalled and was run again). */
export class ImportSupersededError extends Error {
  constructor(owner: ImportAttempt) {
    super(`Import ${owner.importId}: attempt ${owner.attempt} was taken over by a later one`);
  }
}

export interface RejectedRow {
  rowNumber: number;
  kakaoUserId: string | null;
  reason: string;
}

/** Every query of CSV imports: the upload, the staging table, the report. */
@Injectable()
export class RecipientImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get imports() {
    return this.dataSource.getRepository(RecipientImportEntity);
  }

  create(row: Partial<RecipientImportEntity>): Promise<RecipientImportEntity> {
    return this.imports.save(this.imports.create(row));
  }

  findById(id: string): Promise<RecipientImportEntity | null> {
    return this.imports.findOneBy({ id });
  }

  findInChannel(channelId: string, id: string): Promise<RecipientImportEntity | null> {
    return this.imports.findOneBy({ channelId, id });
  }

  async page(channelId: string, query: ListQuery): Promise<Page<RecipientImportEntity>> {
    const [items, total] = await this.imports.findAndCount({
      where: { channelId },
      order: { createdAt: query.sort.order, id: query.sort.order },
      skip: query.range.start,
      take: query.range.end - query.range.start + 1,
    });
    return { items, total };
  }

  async addChunk(importId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO recipient_import_chunks (import_id, seq, data) VALUES ($1, $2, $3)`,
      [importId, seq, data],
    );
  }

  async chunk(importId: string, seq: number): Promise<Buffer | undefined> {
    const rows = await this.dataSource.query<{ data: Buffer }[]>(
      `SELECT data FROM recipient_import_chunks WHERE import_id = $1 AND seq = $2`,
      [importId, seq],
    );
    return rows[0]?.data;
  }

  /** Imports received in full whose processing has not ended. */
  unfinished(): Promise<RecipientImportEntity[]> {
    return this.imports.find({
      where: { state: In([ImportState.Queued, ImportState.Processing]) },
      select: { id: true, channelId: true },
    });
  }

  async markQueued(id: string, bytes: number): Promise<void> {
    await this.imports.update({ id }, { state: ImportState.Queued, bytesReceived: String(bytes) });
  }

  async delete(id: string): Promise<void> {
    await this.imports.delete({ id });
  }

  /**
   * Starts (or restarts) the processing from scratch: no staged rows, no errors, zero counts, and
   * a new attempt that fences off any earlier one still running.
   */
  async restart(id: string): Promise<ImportAttempt> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[{ attempt: number }[], number]>(
        `UPDATE recipient_imports SET
           state = $2, rows_read = 0, rows_accepted = 0, rows_rejected = 0, rows_applied = 0,
           error = NULL, started_at = now(), finished_at = NULL, attempt = attempt + 1,
           updated_at = now()
         WHERE id = $1
         RETURNING attempt`,
        [id, ImportState.Processing],
      );
      await manager.query(`DELETE FROM recipient_import_rows WHERE import_id = $1`, [id]);
      await manager.query(`DELETE FROM recipient_import_errors WHERE import_id = $1`, [id]);
      return { importId: id, attempt: rows[0]?.attempt ?? 0 };
    });
  }

  /**
   * Locks the import for the caller's transaction if `owner` is still its latest attempt; a
   * restart waits for that transaction, and a superseded attempt gets ImportSupersededError.
   */
  async lockOwned(manager: EntityManager, owner: ImportAttempt): Promise<void> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM recipient_imports WHERE id = $1 AND attempt = $2 FOR UPDATE`,
      [owner.importId, owner.attempt],
    );
    if (rows.length === 0) {
      throw new ImportSupersededError(owner);
    }
  }

  /** Recipients of the channel by Kakao user id. */
  async recipientIds(channelId: string, kakaoUserIds: string[]): Promise<Map<string, string>> {
    if (kakaoUserIds.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.query<{ id: string; kakao_user_id: string }[]>(
      `SELECT id, kakao_user_id FROM recipients
        WHERE channel_id = $1 AND kakao_user_id = ANY($2::text[])`,
      [channelId, kakaoUserIds],
    );
    return new Map(rows.map((row) => [row.kakao_user_id, row.id]));
  }

  /**
   * Stages accepted rows and records rejected ones, and moves the counters, in one transaction.
   * A recipient staged before (an earlier row) is not staged again: the row numbers of those
   * duplicates are returned so they can be rejected.
   */
  async stageBatch(
    owner: ImportAttempt,
    staged: (StagedRow & { recipientId: string })[],
    rejected: RejectedRow[],
    rowsRead: number,
  ): Promise<number[]> {
    const { importId } = owner;
    return this.dataSource.transaction(async (manager) => {
      await this.lockOwned(manager, owner);
      const inserted =
        staged.length === 0
          ? []
          : await manager.query<{ row_number: number }[]>(
              `INSERT INTO recipient_import_rows
                 (import_id, row_number, recipient_id, tags, attributes, time_zone)
               SELECT $1, x.row_number, x.recipient_id,
                      CASE WHEN x.tags IS NULL THEN NULL
                           ELSE ARRAY(SELECT jsonb_array_elements_text(x.tags)) END,
                      x.attributes, x.time_zone
                 FROM jsonb_to_recordset($2::jsonb) AS x(
                   row_number integer, recipient_id uuid, tags jsonb, attributes jsonb, time_zone text)
               ON CONFLICT (import_id, recipient_id) DO NOTHING
               RETURNING row_number`,
              [
                importId,
                JSON.stringify(
                  staged.map((row) => ({
                    row_number: row.rowNumber,
                    recipient_id: row.recipientId,
                    tags: row.tags,
                    attributes: row.attributes,
                    time_zone: row.timeZone,
                  })),
                ),
              ],
            );
      const insertedRows = new Set(inserted.map((row) => row.row_number));
      const duplicates = staged.filter((row) => !insertedRows.has(row.rowNumber));
      const allRejected = [
        ...rejected,
        ...duplicates.map((row) => ({
          rowNumber: row.rowNumber,
          kakaoUserId: row.kakaoUserId,
          reason: `kakao_user_id ${row.kakaoUserId} appears on an earlier row of the file`,
        })),
      ];
      if (allRejected.length > 0) {
        await manager.query(
          `INSERT INTO recipient_import_errors (import_id, row_number, kakao_user_id, reason)
           SELECT $1, x.row_number, x.kakao_user_id, x.reason
             FROM jsonb_to_recordset($2::jsonb) AS x(row_number integer, kakao_user_id text, reason text)
           ON CONFLICT DO NOTHING`,
          [
            importId,
            JSON.stringify(
              allRejected.map((row) => ({
                row_number: row.rowNumber,
                kakao_user_id: row.kakaoUserId?.slice(0, 64) ?? null,
                reason: row.reason,
              })),
            ),
          ],
        );
      }
      await manager.query(
        `UPDATE recipient_imports SET
           rows_read = rows_read + $2,
           rows_accepted = rows_accepted + $3,
           rows_rejected = rows_rejected + $4,
           updated_at = now()
         WHERE id = $1`,
        [importId, rowsRead, insertedRows.size, allRejected.length],
      );
      return duplicates.map((row) => row.rowNumber);
    });
  }

  /** Writes every staged row of a tag/attribute import onto its recipient (in the caller's transaction). */
  async applyRecipientFields(
    manager: EntityManager,
    importId: string,
    channelId: string,
    mode: ImportMode,
  ): Promise<number> {
    const replace = mode === ImportMode.Replace;
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE recipients r SET
         tags = CASE WHEN s.tags IS NULL THEN r.tags
                     WHEN $3 THEN s.tags
                     ELSE ARRAY(SELECT DISTINCT t FROM unnest(r.tags || s.tags) AS t ORDER BY t) END,
         attributes = CASE WHEN s.attributes IS NULL THEN r.attributes
                           WHEN $3 THEN s.attributes
                           ELSE r.attributes || s.attributes END,
         time_zone = COALESCE(s.time_zone, r.time_zone),
         version = r.version + 1,
         updated_at = now()
        FROM recipient_import_rows s
       WHERE s.import_id = $1 AND r.id = s.recipient_id AND r.channel_id = $2`,
      [importId, channelId, replace],
    );
    return count;
  }

  /** The import's end, in the transaction that applied it: counts, state, and no more staging. */
  async complete(manager: EntityManager, id: string, applied: number): Promise<void> {
    await manager.update(
      RecipientImportEntity,
      { id },
      { state: ImportState.Completed, rowsApplied: applied, finishedAt: new Date() },
    );
    await manager.query(`DELETE FROM recipient_import_rows WHERE import_id = $1`, [id]);
    await manager.query(`DELETE FROM recipient_import_chunks WHERE import_id = $1`, [id]);
  }

  /**
   * Nothing of the import was written: keep the report of rows read so far, drop the rest. With
   * `owner`, only while that attempt still owns the import (a later one decides otherwise).
   */
  async fail(id: string, error: string, owner?: ImportAttempt): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, failed] = await manager.query<[unknown[], number]>(
        `UPDATE recipient_imports SET state = $2, error = $3, finished_at = now(), updated_at = now()
         WHERE id = $1 AND ($4::integer IS NULL OR attempt = $4)`,
        [id, ImportState.Failed, error.slice(0, 2000), owner?.attempt ?? null],
      );
      if (failed === 0) {
        return;
      }
      await manager.query(`DELETE FROM recipient_import_rows WHERE import_id = $1`, [id]);
      await manager.query(`DELETE FROM recipient_import_chunks WHERE import_id = $1`, [id]);
    });
  }

  /** A transient failure of the attempt that owns the import: the job tries again from the start. */
  async markRetrying(owner: ImportAttempt, error: string): Promise<void> {
    await this.imports.update(
      { id: owner.importId, attempt: owner.attempt },
      { state: ImportState.Queued, error: `retrying after: ${error.slice(0, 1900)}` },
    );
  }

  /** One page of the rejected rows, by row number (keyset). */
  errorsAfter(
    importId: string,
    afterRow: number,
    limit: number,
  ): Promise<{ row_number: number; kakao_user_id: string | null; reason: string }[]> {
    return this.dataSource.query(
      `SELECT row_number, kakao_user_id, reason FROM recipient_import_errors
        WHERE import_id = $1 AND row_number > $2
        ORDER BY row_number LIMIT $3`,
      [importId, afterRow, limit],
    );
  }
}
