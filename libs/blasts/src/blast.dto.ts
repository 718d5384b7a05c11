import { Type } from 'class-transformer';
import {
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

// Shapes only; the rules (template limits, schedule, audience) live in blast-validation.ts.

export class BlastButtonDto {
  @IsString()
  title!: string;

  @IsOptional()
  @IsString()
  webUrl?: string;

  @IsOptional()
  @IsString()
  mobileWebUrl?: string;
}

export class BlastMessageDto {
  @IsIn(['event', 'calendar'])
  idType!: 'event' | 'calendar';

  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @IsOptional()
  @IsUUID()
  subscribeCalendarId?: string;

  @IsOptional()
  @IsString()
  title?: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsString()
  imageUrl?: string;

  @IsOptional()
  @IsInt()
  imageWidth?: number;

  @IsOptional()
  @IsInt()
  imageHeight?: number;

  @IsOptional()
  @IsString()
  webUrl?: string;

  @IsOptional()
  @IsString()
  mobileWebUrl?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => BlastButtonDto)
  button?: BlastButtonDto;

  @IsOptional()
  @IsBoolean()
  tracking?: boolean;
}

export class BlastScheduleDto {
  @IsIn(['now', 'at', 'recurring'])
  kind!: 'now' | 'at' | 'recurring';

  @IsOptional()
  @IsString()
  at?: string;

  @IsString()
  timeZone!: string;

  @IsOptional()
  @IsString()
  rrule?: string;

  @IsOptional()
  @IsBoolean()
  onlyNotReached?: boolean;
}

export class CreateBlastDto {
  @IsString()
  name!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => BlastMessageDto)
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
}

export class TestSendDto {
  @IsUUID()
  recipientId!: string;
}

export class ResendDto {
  @IsOptional()
  @IsIn(['unknown', 'failed'], { each: true })
  states?: ('unknown' | 'failed')[];
}
