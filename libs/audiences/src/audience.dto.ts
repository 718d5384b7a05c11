import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';

import { Omittable } from '@app/common';
import { KAKAO_USER_ID, type RecipientResponse } from '@app/recipients';

import { type AudienceExclusions, type RuleGroup } from './audience-rules';
import { type AudienceEntity, AudienceKind } from './audience.entity';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateAudienceDto {
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @IsIn(Object.values(AudienceKind))
  kind!: AudienceKind;

  /** Dynamic audiences: the rule tree (checked by the rule validator, errors by path). */
  @Omittable()
  @IsObject()
  rules?: Record<string, unknown>;

  /** `{ audienceIds?: [...], rules?: {...} }` */
  @IsOptional()
  @IsObject()
  exclude?: Record<string, unknown> | null;
}

export class UpdateAudienceDto {
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @Omittable()
  @IsObject()
  rules?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  exclude?: Record<string, unknown> | null;
}

/** `POST /api/audiences/preview`: rules not saved yet. */
export class PreviewAudienceDto {
  @IsObject()
  rules!: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  exclude?: Record<string, unknown> | null;
}

/** Members of a static audience to add or remove, by recipient id or Kakao user id. */
export class AudienceMembersDto {
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  recipientIds?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(KAKAO_USER_ID, { each: true, message: 'kakaoUserIds must be Kakao user ids (digits)' })
  kakaoUserIds?: string[];
}

export interface AudienceResponse {
  id: string;
  channelId: string;
  name: string;
  description: string | null;
  kind: AudienceKind;
  rules: RuleGroup | null;
  exclude: AudienceExclusions;
  createdBy: string | null;
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toAudienceResponse(audience: AudienceEntity): AudienceResponse {
  return {
    id: audience.id,
    channelId: audience.channelId,
    name: audience.name,
    description: audience.description,
    kind: audience.kind,
    rules: audience.rules,
    exclude: audience.exclude,
    createdBy: audience.createdBy,
    archived: audience.archivedAt !== null,
    archivedAt: audience.archivedAt?.toISOString() ?? null,
    version: audience.version,
    createdAt: audience.createdAt.toISOString(),
    updatedAt: audience.updatedAt.toISOString(),
  };
}

export function audienceAuditSnapshot(audience: AudienceEntity): Record<string, unknown> {
  return {
    name: audience.name,
    description: audience.description,
    kind: audience.kind,
    rules: audience.rules,
    exclude: audience.exclude,
    archived: audience.archivedAt !== null,
  };
}

/** Size of an audience now: `count` may be messaged (consent active); `matching` is everyone. */
export interface AudienceSize {
  count: number;
  matching: number;
}

/** A row of `GET /api/audiences`: the audience and its size now (null if it could not be counted). */
export interface AudienceListItem extends AudienceResponse {
  size: AudienceSize | null;
}

export interface AudiencePreview extends AudienceSize {
  /** Up to 10 recipients that may be messaged, by id. */
  sample: RecipientResponse[];
}

export interface AudienceMembersResult {
  /** Members added (or removed) by this call. */
  changed: number;
  /** Ids that are not recipients of the channel. */
  unknown: string[];
}
