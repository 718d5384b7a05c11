import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Length, Matches, Min } from 'class-validator';

import { Omittable } from '@app/common';

import { type ChannelEntity } from './channel.entity';
import { canonicalTimeZone, IsIanaTimeZone } from './time-zone';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const NO_WHITESPACE = /^\S+$/;

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Settings of `PUT /api/channels/:id`. Omitted fields stay; Kakao keys are write-only. */
export class UpdateChannelDto {
  /** The version the client read; a stale one answers 409 with the current record. */
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name?: string;

  @Omittable()
  @Transform(({ value }: { value: unknown }) => canonicalTimeZone(value) ?? value)
  @IsIanaTimeZone()
  timeZone?: string;

  @Omittable()
  @Matches(HH_MM, { message: 'quietHoursStart must be a time as HH:mm (00:00 to 23:59)' })
  quietHoursStart?: string;

  @Omittable()
  @Matches(HH_MM, { message: 'quietHoursEnd must be a time as HH:mm (00:00 to 23:59)' })
  quietHoursEnd?: string;

  @Omittable()
  @IsBoolean()
  approvalRequired?: boolean;

  @Omittable()
  @IsString()
  @Length(1, 256)
  @Matches(NO_WHITESPACE, { message: 'restApiKey must not contain spaces' })
  restApiKey?: string;

  @Omittable()
  @IsString()
  @Length(1, 256)
  @Matches(NO_WHITESPACE, { message: 'adminKey must not contain spaces' })
  adminKey?: string;

  @Omittable()
  @IsString()
  @Length(1, 256)
  @Matches(NO_WHITESPACE, { message: 'clientSecret must not contain spaces' })
  clientSecret?: string;
}

/** A channel as the API shows it: Kakao keys only as "is set" flags. */
export interface ChannelResponse {
  id: string;
  name: string;
  channelPublicId: string;
  kakaoAppId: string | null;
  timeZone: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  approvalRequired: boolean;
  hasRestApiKey: boolean;
  hasAdminKey: boolean;
  hasClientSecret: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toChannelResponse(channel: ChannelEntity): ChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    channelPublicId: channel.channelPublicId,
    kakaoAppId: channel.kakaoAppId,
    timeZone: channel.timeZone,
    quietHoursStart: channel.quietHoursStart,
    quietHoursEnd: channel.quietHoursEnd,
    approvalRequired: channel.approvalRequired,
    hasRestApiKey: channel.restApiKeySealed !== null,
    hasAdminKey: channel.adminKeySealed !== null,
    hasClientSecret: channel.clientSecretSealed !== null,
    version: channel.version,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

/** What the audit trail records of a channel: the API view without ids and timestamps. */
export function channelAuditSnapshot(channel: ChannelEntity): Record<string, unknown> {
  const {
    id: _id,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    ...settings
  } = toChannelResponse(channel);
  return settings;
}
