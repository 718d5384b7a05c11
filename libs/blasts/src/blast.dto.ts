import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { INT4_MAX, Omittable } from '@app/common';

// Shapes only; the rules (template limits, schedule, audience) live in blast-validation.ts.
// Optional fields are @Omittable (null is refused) unless null has a meaning (no frequency cap).

export class BlastButtonDto {
  @IsString()
  title!: string;

  @Omittable()
  @IsString()
  webUrl?: string;

  @Omittable()
  @IsString()
  mobileWebUrl?: string;
}

export class BlastMessageDto {
  @IsIn(['event', 'calendar'])
  idType!: 'event' | 'calendar';

  @Omittable()
  @IsUUID()
  campaignId?: string;

  @Omittable()
  @IsUUID()
  subscribeCalendarId?: string;

  @Omittable()
  @IsString()
  title?: string;

  @Omittable()
  @IsString()
  description?: string;

  @Omittable()
  @IsString()
  imageUrl?: string;

  @Omittable()
  @IsInt()
  @Max(INT4_MAX)
  imageWidth?: number;

  @Omittable()
  @IsInt()
  @Max(INT4_MAX)
  imageHeight?: number;

  @Omittable()
  @IsString()
  webUrl?: string;

  @Omittable()
  @IsString()
  mobileWebUrl?: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => BlastButtonDto)
  button?: BlastButtonDto;

  @Omittable()
  @IsBoolean()
  tracking?: boolean;
}

export class BlastScheduleDto {
  @IsIn(['now', 'at', 'recurring'])
  kind!: 'now' | 'at' | 'recurring';

  @Omittable()
  @IsString()
  at?: string;

  @IsString()
  timeZone!: string;

  @Omittable()
  @IsString()
  rrule?: string;

  @Omittable()
  @IsBoolean()
  onlyNotReached?: boolean;
}

/**
 * Clicks are only counted through tracking links, so a send-to-me blast gets them unless the
 * caller turns them off; friends mode cannot carry per-recipient links and stays untracked.
 */
function trackedUnlessSaidOtherwise({
  value,
  obj,
}: {
  value: unknown;
  obj: { deliveryMode?: unknown };
}): unknown {
  if (value instanceof BlastMessageDto && value.tracking === undefined) {
    value.tracking = obj.deliveryMode !== 'friends';
  }
  return value;
}

export class CreateBlastDto {
  @IsString()
  name!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => BlastMessageDto)
  @Transform(trackedUnlessSaidOtherwise)
  message!: BlastMessageDto;

  @IsUUID()
  audienceId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => BlastScheduleDto)
  schedule!: BlastScheduleDto;

  @IsInt()
  @Min(1)
  @Max(100_000)
  ratePerSecond!: number;

  @IsOptional()
  @IsBoolean()
  quietHours?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  frequencyCap?: number | null;

  @IsOptional()
  @IsIn(['send_to_me', 'friends'])
  deliveryMode?: 'send_to_me' | 'friends';

  @IsOptional()
  @IsUUID()
  senderRecipientId?: string;
}

export class EstimateBlastDto {
  @IsUUID()
  audienceId!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  ratePerSecond!: number;

  /** Whether the blast keeps quiet hours: the estimate then includes the wait for them to end. */
  @IsOptional()
  @IsBoolean()
  quietHours?: boolean;
}

export class TestSendDto {
  @IsUUID()
  recipientId!: string;
}

export class ResendDto {
  @Omittable()
  @IsArray()
  @IsIn(['unknown', 'failed'], { each: true })
  states?: ('unknown' | 'failed')[];
}
