import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';

import { type AuditActor, AuditService } from '@app/audit';
import { TransactionRunner } from '@app/database';

import {
  generateIngestKey,
  hashIngestKey,
  ingestKeyPrefix,
  looksLikeIngestKey,
} from './ingest-key';
import { IngestKeyEntity } from './ingest-key.entity';
import { RecipientsErrorCode, RecipientsException } from './recipients.exception';

// last_used_at is written at most this often per key, not on every call.
const TOUCH_EVERY_MS = 60_000;

/** Per-channel keys of the ingest API: created and revoked by admins, shown once. */
@Injectable()
export class IngestKeysService {
  constructor(
    @InjectRepository(IngestKeyEntity) private readonly keys: Repository<IngestKeyEntity>,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** A new key for the actor's channel; the clear key is in the answer and nowhere else. */
  async create(
    actor: AuditActor & { channelId: string },
    name: string,
  ): Promise<{ entity: IngestKeyEntity; key: string }> {
    const key = generateIngestKey();
    const entity = await this.transactions.run(async (manager) => {
      const saved = await manager.save(
        manager.create(IngestKeyEntity, {
          channelId: actor.channelId,
          name,
          keyHash: hashIngestKey(key),
          keyPrefix: ingestKeyPrefix(key),
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: 'ingest_key.create',
        entityType: 'ingest_key',
        entityId: saved.id,
        after: { name, keyPrefix: saved.keyPrefix },
      });
      return saved;
    });
    return { entity, key };
  }

  list(channelId: string): Promise<IngestKeyEntity[]> {
    return this.keys.find({ where: { channelId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes the key at once; revoking twice is a no-op. */
  async revoke(actor: AuditActor & { channelId: string }, id: string): Promise<IngestKeyEntity> {
    return this.transactions.run(async (manager) => {
      const key = await manager.findOne(IngestKeyEntity, {
        where: { id, channelId: actor.channelId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!key) {
        throw new RecipientsException(
          RecipientsErrorCode.IngestKeyNotFound,
          `Ingest key ${id} not found`,
        );
      }
      if (key.revokedAt !== null) {
        return key;
      }
      key.revokedAt = new Date();
      const saved = await manager.save(key);
      await this.audit.record(manager, {
        actor,
        action: 'ingest_key.revoke',
        entityType: 'ingest_key',
        entityId: id,
        before: { name: key.name, revoked: false },
        after: { name: key.name, revoked: true },
      });
      return saved;
    });
  }

  /** The live key sent as `X-Api-Key`, or 401 (same answer for unknown, malformed and revoked). */
  async authenticate(header: unknown): Promise<IngestKeyEntity> {
    const key = looksLikeIngestKey(header)
      ? await this.keys.findOneBy({ keyHash: hashIngestKey(header), revokedAt: IsNull() })
      : null;
    if (!key) {
      throw new RecipientsException(
        RecipientsErrorCode.IngestKeyInvalid,
        'Send a valid, unrevoked ingest key in the X-Api-Key header',
      );
    }
    const now = new Date();
    if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.keys.update({ id: key.id }, { lastUsedAt: now });
    }
    return key;
  }
}
