import { Injectable, Logger } from '@nestjs/common';

import { type AuditActor, AuditService } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';

import { type ExportLanguage, recipientCsvHeader, recipientCsvRows } from './recipient-export';
import { type RecipientListFilter } from './recipient-list.filter';
import { RecipientTokenVault, type SendingCredential } from './recipient-token.vault';
import {
  recipientAuditSnapshot,
  type RecipientDeliveryItem,
  type RecipientDetailResponse,
  toRecipientDetailResponse,
} from './recipient.dto';
import { type AttributeValue, type RecipientEntity } from './recipient.entity';
import { ConsentState } from './recipient.enums';
import { RecipientRepository } from './recipient.repository';
import {
  recipientNotFound,
  RecipientsErrorCode,
  RecipientsException,
} from './recipients.exception';

export interface UpdateRecipientInput {
  version: number;
  tags?: string[];
  attributes?: Record<string, AttributeValue>;
  timeZone?: string | null;
}

/** Supplies a recipient's latest deliveries for the detail view (the blasts module). */
export type RecipientDeliveryHistory = (
  channelId: string,
  recipientId: string,
  limit: number,
) => Promise<RecipientDeliveryItem[]>;

const HISTORY_LIMIT = 50;

/** An export reads the list a page at a time, up to a size a spreadsheet still opens. */
const EXPORT_PAGE = 1000;
const EXPORT_MAX_ROWS = 200_000;

/**
 * Recipients of a channel: reading, editing and opting out for people, and the token access the
 * blast engine sends with.
 */
@Injectable()
export class RecipientsService {
  private readonly logger = new Logger(RecipientsService.name);
  private deliveryHistory: RecipientDeliveryHistory | undefined;

  constructor(
    private readonly recipients: RecipientRepository,
    private readonly vault: RecipientTokenVault,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The recipient of the channel; 404 for unknown ids and ids of other channels alike. */
  async get(channelId: string, id: string): Promise<RecipientEntity> {
    const recipient = await this.recipients.findOne(channelId, id);
    if (!recipient) {
      throw recipientNotFound(id);
    }
    return recipient;
  }

  findByKakaoUserId(channelId: string, kakaoUserId: string): Promise<RecipientEntity | null> {
    return this.recipients.findByKakaoUserId(channelId, kakaoUserId);
  }

  /** The recipient with its consent and relation history and, when blasts say, its deliveries. */
  async detail(channelId: string, id: string): Promise<RecipientDetailResponse> {
    const recipient = await this.get(channelId, id);
    const [consent, relations, deliveries] = await Promise.all([
      this.recipients.consentHistory(id, HISTORY_LIMIT),
      this.recipients.relationHistory(id, HISTORY_LIMIT),
      this.deliveryHistory ? this.deliveryHistory(channelId, id, HISTORY_LIMIT) : [],
    ]);
    return toRecipientDetailResponse(recipient, consent, relations, deliveries);
  }

  /** Lets the blasts module fill `deliveries` of `GET /api/recipients/:id`. */
  useDeliveryHistory(history: RecipientDeliveryHistory): void {
    this.deliveryHistory = history;
  }

  list(channelId: string, query: ListQuery<RecipientListFilter>): Promise<Page<RecipientEntity>> {
    return this.recipients.page(channelId, query.filter, query);
  }

  /**
   * The recipients the list shows for `query` (its filter and sort; every page, at most
   * EXPORT_MAX_ROWS) as CSV chunks: the header in `language`, dates in `timeZone`.
   */
  async *exportCsv(
    channelId: string,
    query: ListQuery<RecipientListFilter>,
    language: ExportLanguage,
    timeZone: string,
  ): AsyncGenerator<string> {
    yield recipientCsvHeader(language, timeZone);
    for (let start = 0; start < EXPORT_MAX_ROWS; start += EXPORT_PAGE) {
      const page = await this.recipients.page(channelId, query.filter, {
        ...query,
        range: { start, end: start + EXPORT_PAGE - 1 },
      });
      if (page.items.length > 0) {
        yield recipientCsvRows(page.items, timeZone);
      }
      if (page.items.length < EXPORT_PAGE) {
        return;
      }
    }
  }

  /** Tags, attributes and time zone, under optimistic concurrency (409 when `version` is stale). */
  async update(
    actor: AuditActor & { channelId: string },
    id: string,
    input: UpdateRecipientInput,
  ): Promise<RecipientEntity> {
    return this.transactions.run(async (manager) => {
      const recipient = await this.recipients.lockForUpdate(manager, actor.channelId, id);
      if (!recipient) {
        throw recipientNotFound(id);
      }
      if (recipient.version !== input.version) {
        throw new RecipientsException(
          RecipientsErrorCode.VersionConflict,
          `Recipient ${id} was changed by someone else (version ${recipient.version}, you sent ${input.version})`,
          undefined,
          { currentVersion: recipient.version },
        );
      }
      const before = recipientAuditSnapshot(recipient);
      if (input.tags !== undefined) {
        recipient.tags = input.tags;
      }
      if (input.attributes !== undefined) {
        recipient.attributes = input.attributes;
      }
      if (input.timeZone !== undefined) {
        recipient.timeZone = input.timeZone;
      }
      const saved = await manager.save(recipient);
      await this.audit.record(manager, {
        actor,
        action: 'recipient.update',
        entityType: 'recipient',
        entityId: id,
        before,
        after: recipientAuditSnapshot(saved),
      });
      return saved;
    });
  }

  /**
   * Opt-out by an operator (the person asked to stop): consent revoked and tokens wiped, so no
   * blast can message them until they opt in again through the join page.
   */
  async optOut(actor: AuditActor & { channelId: string }, id: string): Promise<RecipientEntity> {
    return this.transactions.run(async (manager) => {
      const recipient = await this.recipients.lockForUpdate(manager, actor.channelId, id);
      if (!recipient) {
        throw recipientNotFound(id);
      }
      const before = recipientAuditSnapshot(recipient);
      const previous = recipient.consentState;
      recipient.consentState = ConsentState.Revoked;
      recipient.consentReason = 'opted_out';
      recipient.consentChangedAt = new Date();
      recipient.accessTokenSealed = null;
      recipient.refreshTokenSealed = null;
      recipient.accessTokenExpiresAt = null;
      recipient.refreshTokenExpiresAt = null;
      const saved = await manager.save(recipient);
      if (previous !== ConsentState.Revoked) {
        await this.recipients.recordConsentChanges(manager, [
          {
            recipientId: id,
            channelId: actor.channelId,
            from: previous,
            to: ConsentState.Revoked,
            reason: 'opted_out',
            actorUserId: actor.userId,
          },
        ]);
      }
      await this.audit.record(manager, {
        actor,
        action: 'recipient.opt_out',
        entityType: 'recipient',
        entityId: id,
        before,
        after: { ...recipientAuditSnapshot(saved), tokensWiped: true },
      });
      return saved;
    });
  }

  /**
   * Access tokens to send with, one answer per id in the order given: decrypted in bulk (one
   * query), refreshed through OAuth when expired or about to (rotated tokens are stored before
   * this returns), or a `skip` with its reason. A failed refresh (`refresh_failed:KOE322`) or a
   * token without `talk_message` marks the recipient `needs_consent`, recorded with the reason.
   * `forceRefresh` refreshes every token asked for (after Kakao answered -401 to one of them).
   * `refresh_unavailable…` skips are transient (Kakao or the app keys failed): see
   * `isTransientSkip`.
   */
  sendingCredentials(
    channelId: string,
    recipientIds: string[],
    options: { forceRefresh?: boolean } = {},
  ): Promise<SendingCredential[]> {
    return this.vault.sendingCredentials(channelId, recipientIds, options);
  }

  /**
   * Records that Kakao refused the recipient's token for good (-402 missing consent, -401 after a
   * refresh): the recipient becomes `needs_consent` with the reason and later blasts skip them.
   * No-op for recipients that are not active.
   */
  async markNeedsConsent(recipientId: string, reason: string): Promise<void> {
    const changed = await this.recipients.markNeedsConsent([
      { id: recipientId, reason, ifAccessSealed: null },
    ]);
    if (changed.size > 0) {
      this.logger.log(`Recipient ${recipientId} needs consent again: ${reason}`);
    }
  }

  /** Raises `last_delivered_at` of many recipients in one statement. */
  recordDelivered(recipientIds: string[], at: Date): Promise<void> {
    return this.recipients.recordDelivered(recipientIds, at);
  }
}
