import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

import { Omittable } from '@app/common';
import { KAKAO_COLORS, type Color } from '@app/kakao-client';

// Shapes only: the limits live in campaign-validation.ts, shared with imports and restores.
// Optional fields are @Omittable (null is refused) unless null has a meaning (notes: cleared).

export class CampaignLocationDto {
  @IsString()
  name!: string;

  @Omittable()
  @IsString()
  address?: string;

  @Omittable()
  @IsNumber()
  latitude?: number;

  @Omittable()
  @IsNumber()
  longitude?: number;

  @Omittable()
  @IsInt()
  locationId?: number;
}

export class CampaignBannerDto {
  @Omittable()
  @IsString()
  pcImageUrl?: string;

  @Omittable()
  @IsString()
  mobileImageUrl?: string;

  @Omittable()
  @IsString()
  bgColor?: string;

  @Omittable()
  @IsString()
  webUrl?: string;

  @Omittable()
  @IsString()
  mobileWebUrl?: string;
}

export class CampaignReminderButtonDto {
  @IsString()
  title!: string;

  @Omittable()
  @IsString()
  webUrl?: string;

  @Omittable()
  @IsString()
  mobileWebUrl?: string;
}

export class CampaignContentDto {
  @IsString()
  title!: string;

  @Omittable()
  @IsString()
  description?: string;

  @IsBoolean()
  allDay!: boolean;

  @Omittable()
  @IsString()
  startsAt?: string;

  @Omittable()
  @IsString()
  endsAt?: string;

  @Omittable()
  @IsString()
  startDate?: string;

  @Omittable()
  @IsString()
  endDate?: string;

  @IsString()
  timeZone!: string;

  @Omittable()
  @IsBoolean()
  lunar?: boolean;

  @Omittable()
  @IsString()
  rrule?: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignLocationDto)
  location?: CampaignLocationDto;

  @Omittable()
  @IsArray()
  @IsInt({ each: true })
  reminders?: number[];

  @Omittable()
  @IsIn(KAKAO_COLORS)
  color?: Color;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignBannerDto)
  banner?: CampaignBannerDto;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignReminderButtonDto)
  reminderButton?: CampaignReminderButtonDto;
}

export class CampaignTargetDto {
  @IsIn(['public_events', 'subscribe_calendar'])
  kind!: 'public_events' | 'subscribe_calendar';

  @Omittable()
  @IsString()
  calendarId?: string;
}

export class CreateCampaignDto {
  @IsString()
  name!: string;

  @Omittable()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  notes?: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignTargetDto)
  target?: CampaignTargetDto;

  @IsObject()
  @ValidateNested()
  @Type(() => CampaignContentDto)
  content!: CampaignContentDto;
}

/** `POST /campaigns/:id/duplicate`: the copy's name, else "<name> (copy)". */
export class DuplicateCampaignDto {
  @Omittable()
  @IsString()
  name?: string;
}

/** A save: the fields to change plus the version the editor started from. */
export class UpdateCampaignDto {
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @IsString()
  name?: string;

  @Omittable()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  notes?: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignTargetDto)
  target?: CampaignTargetDto;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignContentDto)
  content?: CampaignContentDto;
}

export class ApprovalDecisionDto {
  @Omittable()
  @IsString()
  comment?: string;
}

export class RestoreRevisionDto {
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;
}
