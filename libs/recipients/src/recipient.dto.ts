import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { canonicalTimeZone, IsIanaTimeZone } from '@app/channels';
import { Omittable } from '@app/common';

import { type IngestKeyEntity } from './ingest-key.entity';
import { IsAttributes, IsTagList, KAKAO_USER_ID, normalizeTags } from './recipient-fields';
import {
  type RecipientConsentChangeEntity,
  type RecipientRelationChangeEntity,
} from './recipient-history.entity';
import { type RecipientImportEntity } from './recipient-import.entity';
import { type AttributeValue, type RecipientEntity } from './recipient.entity';
import {
  type ChannelRelation,
  type ConsentState,
  type ImportKind,
  type ImportMode,
  type ImportState,
  type RecipientSource,
} from './recipient.enums';
import { INGEST_MAX_ITEMS } from './recipients.constants';

const SCOPE_ID = /^[a-z_]{1,64}$/;

const toTimeZone = ({ value }: { value: unknown }): unknown => canonicalTimeZone(value) ?? value;

const toTags = ({ value }: { value: unknown }): unknown => {
  const checked = normalizeTags(value);
  return checked.ok ? checked.value : value;
};

/** Kakao ids are Longs: accept a JSON number when it is exact, keep text otherwise. */
const toKakaoId = ({ value }: { value: unknown }): unknown =>
  typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;

/** `PUT /api/recipients/:id`: what people may edit. Tokens and consent are not among them. */
export class UpdateRecipientDto {
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @IsTagList()
  @Transform(toTags)
  tags?: string[];

  /** Replaces the attributes as a whole (the edit form shows them all). */
  @Omittable()
  @IsAttributes()
  attributes?: Record<string, AttributeValue>;

  /** null clears it (the channel's zone applies). */
  @IsOptional()
  @Transform(toTimeZone)
  @IsIanaTimeZone()
  timeZone?: string | null;
}

/** One user the channel's backend already logged in with Kakao. */
export class IngestRecipientDto {
  @Transform(toKakaoId)
  @IsString()
  @Matches(KAKAO_USER_ID, { message: 'kakaoUserId must be a Kakao user id (digits)' })
  kakaoUserId!: string;

  @IsString()
  @Length(8, 2048)
  accessToken!: string;

  @Omittable()
  @IsString()
  @Length(8, 2048)
  refreshToken?: string;

  /** Seconds the access token still lives, as Kakao's token answer says. */
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366 * 24 * 3600)
  expiresIn?: number;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10 * 366 * 24 * 3600)
  refreshTokenExpiresIn?: number;

  /** Consent items of the token; left out means unknown (Kakao's -402 will tell). */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(SCOPE_ID, { each: true, message: 'scopes must be Kakao consent ids' })
  scopes?: string[];

  @Omittable()
  @IsString()
  @Length(0, 100)
  nickname?: string;

  @Omittable()
  @IsString()
  @Length(1, 128)
  uuid?: string;

  @Omittable()
  @Transform(toTimeZone)
  @IsIanaTimeZone()
  timeZone?: string;

  /** Replaces the recipient's tags. */
  @Omittable()
  @IsTagList()
  @Transform(toTags)
  tags?: string[];

  /** Merged into the recipient's attributes. */
  @Omittable()
  @IsAttributes()
  attributes?: Record<string, AttributeValue>;
}

export class IngestRecipientsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INGEST_MAX_ITEMS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IngestRecipientDto)
  recipients!: IngestRecipientDto[];
}

export class CreateIngestKeyDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;
}

export interface RecipientResponse {
  id: string;
  channelId: string;
  kakaoUserId: string;
  kakaoUuid: string | null;
  nickname: string | null;
  scopes: string[] | null;
  /** Whether tokens are stored; the tokens themselves never leave the server. */
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  accessTokenExpiresAt: string | null;
  consentState: ConsentState;
  consentReason: string | null;
  consentChangedAt: string | null;
  channelRelation: ChannelRelation;
  channelRelationCheckedAt: string | null;
  timeZone: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  source: RecipientSource;
  optedInAt: string;
  lastDeliveredAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function toRecipientResponse(recipient: RecipientEntity): RecipientResponse {
  return {
    id: recipient.id,
    channelId: recipient.channelId,
    kakaoUserId: recipient.kakaoUserId,
    kakaoUuid: recipient.kakaoUuid,
    nickname: recipient.nickname,
    scopes: recipient.scopes,
    hasAccessToken: recipient.accessTokenSealed !== null,
    hasRefreshToken: recipient.refreshTokenSealed !== null,
    accessTokenExpiresAt: iso(recipient.accessTokenExpiresAt),
    consentState: recipient.consentState,
    consentReason: recipient.consentReason,
    consentChangedAt: iso(recipient.consentChangedAt),
    channelRelation: recipient.channelRelation,
    channelRelationCheckedAt: iso(recipient.channelRelationCheckedAt),
    timeZone: recipient.timeZone,
    tags: recipient.tags,
    attributes: recipient.attributes,
    source: recipient.source,
    optedInAt: recipient.optedInAt.toISOString(),
    lastDeliveredAt: iso(recipient.lastDeliveredAt),
    version: recipient.version,
    createdAt: recipient.createdAt.toISOString(),
    updatedAt: recipient.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a recipient: editable fields and consent, never tokens. */
export function recipientAuditSnapshot(recipient: RecipientEntity): Record<string, unknown> {
  return {
    kakaoUserId: recipient.kakaoUserId,
    nickname: recipient.nickname,
    consentState: recipient.consentState,
    consentReason: recipient.consentReason,
    timeZone: recipient.timeZone,
    tags: recipient.tags,
    attributes: recipient.attributes,
  };
}

/** One entry of the deliveries list a blast engine contributes to the detail view. */
export type RecipientDeliveryItem = Record<string, unknown>;

export interface RecipientDetailResponse extends RecipientResponse {
  consentHistory: {
    from: ConsentState | null;
    to: ConsentState;
    reason: string | null;
    actorUserId: string | null;
    at: string;
  }[];
  relationHistory: { from: ChannelRelation; to: ChannelRelation; at: string }[];
  /** Latest deliveries, newest first (filled by the blasts module; empty without it). */
  deliveries: RecipientDeliveryItem[];
}

export function toRecipientDetailResponse(
  recipient: RecipientEntity,
  consent: RecipientConsentChangeEntity[],
  relations: RecipientRelationChangeEntity[],
  deliveries: RecipientDeliveryItem[],
): RecipientDetailResponse {
  return {
    ...toRecipientResponse(recipient),
    consentHistory: consent.map((change) => ({
      from: change.fromState,
      to: change.toState,
      reason: change.reason,
      actorUserId: change.actorUserId,
      at: change.changedAt.toISOString(),
    })),
    relationHistory: relations.map((change) => ({
      from: change.fromRelation,
      to: change.toRelation,
      at: change.changedAt.toISOString(),
    })),
    deliveries,
  };
}

export interface IngestKeyResponse {
  id: string;
  channelId: string;
  name: string;
  keyPrefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toIngestKeyResponse(key: IngestKeyEntity): IngestKeyResponse {
  return {
    id: key.id,
    channelId: key.channelId,
    name: key.name,
    keyPrefix: key.keyPrefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    revokedAt: iso(key.revokedAt),
  };
}

/** The answer of key creation: the only time the key itself is shown. */
export interface CreatedIngestKeyResponse extends IngestKeyResponse {
  key: string;
}

export interface IngestResultResponse {
  received: number;
  created: number;
  updated: number;
  recipients: { kakaoUserId: string; id: string; created: boolean }[];
}

export interface RecipientImportResponse {
  id: string;
  channelId: string;
  kind: ImportKind;
  targetId: string | null;
  mode: ImportMode;
  state: ImportState;
  fileName: string | null;
  bytesReceived: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsApplied: number;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /** Where the rejected rows can be downloaded as CSV. */
  errorsUrl: string;
}

export function toRecipientImportResponse(row: RecipientImportEntity): RecipientImportResponse {
  return {
    id: row.id,
    channelId: row.channelId,
    kind: row.kind,
    targetId: row.targetId,
    mode: row.mode,
    state: row.state,
    fileName: row.fileName,
    bytesReceived: Number(row.bytesReceived),
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    rowsApplied: row.rowsApplied,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    updatedAt: row.updatedAt.toISOString(),
    errorsUrl: `/api/recipients/imports/${row.id}/errors.csv`,
  };
}
