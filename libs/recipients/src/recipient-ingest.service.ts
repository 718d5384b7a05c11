import { Injectable } from '@nestjs/common';

import { AuditService } from '@app/audit';
import { SecretBox } from '@app/common';
import { TransactionRunner } from '@app/database';

import { type IngestKeyEntity } from './ingest-key.entity';
import { type IngestRecipientDto, type IngestResultResponse } from './recipient.dto';
import { ConsentState, RecipientSource } from './recipient.enums';
import { RecipientRepository, type RecipientUpsert } from './recipient.repository';
import { MESSAGE_SCOPE, SkipReason } from './recipients.constants';
import { RecipientsErrorCode, RecipientsException } from './recipients.exception';

/**
 * Registers users the channel's own backend already logged in with Kakao, with their tokens: all
 * the items of a call or none.
 */
@Injectable()
export class RecipientIngestService {
  constructor(
    private readonly recipients: RecipientRepository,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  async ingest(
    key: IngestKeyEntity,
    items: IngestRecipientDto[],
    ip: string | null,
  ): Promise<IngestResultResponse> {
    const errors: Record<string, string> = {};
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const seen = firstIndex.get(item.kakaoUserId);
      if (seen === undefined) {
        firstIndex.set(item.kakaoUserId, index);
      } else {
        errors[`recipients.${index}.kakaoUserId`] = `appears twice (also recipients.${seen})`;
      }
    });
    if (Object.keys(errors).length > 0) {
      throw new RecipientsException(
        RecipientsErrorCode.IngestInvalid,
        `Nothing was stored: ${Object.keys(errors).length} recipient(s) are invalid`,
        errors,
      );
    }
    const now = Date.now();
    const upserts: RecipientUpsert[] = items.map((item) => {
      const missingScope = item.scopes !== undefined && !item.scopes.includes(MESSAGE_SCOPE);
      return {
        kakaoUserId: item.kakaoUserId,
        kakaoUuid: item.uuid ?? null,
        nickname: item.nickname ?? null,
        scopes: item.scopes === undefined ? null : [...new Set(item.scopes)].sort(),
        accessTokenSealed: this.secretBox.encrypt(item.accessToken),
        refreshTokenSealed:
          item.refreshToken === undefined ? null : this.secretBox.encrypt(item.refreshToken),
        accessTokenExpiresAt:
          item.expiresIn === undefined ? null : new Date(now + item.expiresIn * 1000),
        refreshTokenExpiresAt:
          item.refreshToken === undefined || item.refreshTokenExpiresIn === undefined
            ? null
            : new Date(now + item.refreshTokenExpiresIn * 1000),
        consentState: missingScope ? ConsentState.NeedsConsent : ConsentState.Active,
        consentReason: missingScope ? SkipReason.MissingScope : null,
        timeZone: item.timeZone ?? null,
        tags: item.tags,
        attributes: item.attributes,
      };
    });
    const saved = await this.transactions.run(async (manager) => {
      const results = await this.recipients.upsertMany(
        manager,
        key.channelId,
        RecipientSource.Ingest,
        upserts,
      );
      await this.recipients.recordConsentChanges(
        manager,
        results.flatMap((result, index) => {
          const to = upserts[index].consentState;
          return result.previousState === to
            ? []
            : [
                {
                  recipientId: result.id,
                  channelId: key.channelId,
                  from: result.previousState,
                  to,
                  reason: upserts[index].consentReason ?? 'ingest',
                  actorUserId: null,
                },
              ];
        }),
      );
      await this.audit.record(manager, {
        actor: { userId: null, email: null, channelId: key.channelId, ip },
        action: 'recipient.ingest',
        entityType: 'ingest_key',
        entityId: key.id,
        after: {
          keyName: key.name,
          received: items.length,
          created: results.filter((result) => result.created).length,
          updated: results.filter((result) => !result.created).length,
        },
      });
      return results;
    });
    return {
      received: items.length,
      created: saved.filter((result) => result.created).length,
      updated: saved.filter((result) => !result.created).length,
      recipients: saved.map((result) => ({
        kakaoUserId: result.kakaoUserId,
        id: result.id,
        created: result.created,
      })),
    };
  }
}
