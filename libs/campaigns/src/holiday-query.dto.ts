import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

import { isCalendarDate } from '@app/common';

/** A day that exists, spelled `YYYY-MM-DD` (no `2024-02-30`, no other spellings). */
const IsCalendarDay = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => 'must be a date YYYY-MM-DD',
    },
  });

/** `GET /api/holidays?from=2026-01-01&to=2026-12-31` (inclusive, at most 366 days). */
export class HolidayQueryDto {
  @ApiProperty({ type: 'string', format: 'date', example: '2026-01-01' })
  @IsCalendarDay()
  from!: string;

  @ApiProperty({ type: 'string', format: 'date', example: '2026-12-31' })
  @IsCalendarDay()
  to!: string;
}
