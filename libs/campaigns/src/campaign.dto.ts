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

import { KAKAO_COLORS, type Color } from '@app/kakao-client';

// Shapes only: the limits live in campaign-validation.ts, shared with imports and restores.

export class CampaignLocationDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  address?: string;

  @IsOptional()
  @IsNumber()
  latitude?: number;

  @IsOptional()
  @IsNumber()
  longitude?: number;

  @IsOptional()
  @IsInt()
  locationId?: number;
}

export class CampaignBannerDto {
  @IsOptional()
  @IsString()
  pcImageUrl?: string;

  @IsOptional()
  @IsString()
  mobileImageUrl?: string;

  @IsOptional()
  @IsString()
  bgColor?: string;

  @IsOptional()
  @IsString()
  webUrl?: string;

  @IsOptional()
  @IsString()
  mobileWebUrl?: string;
}

export class CampaignReminderButtonDto {
  @IsString()
  title!: string;

  @IsOptional()
  @IsString()
  webUrl?: string;

  @IsOptional()
  @IsString()
  mobileWebUrl?: string;
}

export class CampaignContentDto {
  @IsString()
  title!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsBoolean()
  allDay!: boolean;

  @IsOptional()
  @IsString()
  startsAt?: string;

  @IsOptional()
  @IsString()
  endsAt?: string;

  @IsOptional()
  @IsString()
  startDate?: string;

  @IsOptional()
  @IsString()
  endDate?: string;

  @IsString()
  timeZone!: string;

  @IsOptional()
  @IsBoolean()
  lunar?: boolean;

  @IsOptional()
  @IsString()
  rrule?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignLocationDto)
  location?: CampaignLocationDto;

  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  reminders?: number[];

  @IsOptional()
  @IsIn(KAKAO_COLORS)
  color?: Color;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignBannerDto)
  banner?: CampaignBannerDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignReminderButtonDto)
  reminderButton?: CampaignReminderButtonDto;
}

export class CampaignTargetDto {
  @IsIn(['public_events', 'subscribe_calendar'])
  kind!: 'public_events' | 'subscribe_calendar';

  @IsOptional()
  @IsString()
  calendarId?: string;
}

export class CreateCampaignDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  notes?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignTargetDto)
  target?: CampaignTargetDto;

  @IsObject()
  @ValidateNested()
  @Type(() => CampaignContentDto)
  content!: CampaignContentDto;
}

/** A save: the fields to change plus the version the editor started from. */
export class UpdateCampaignDto {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  notes?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignTargetDto)
  target?: CampaignTargetDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignContentDto)
  content?: CampaignContentDto;
}

export class ApprovalDecisionDto {
  @IsOptional()
  @IsString()
  comment?: string;
}

export class RestoreRevisionDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
