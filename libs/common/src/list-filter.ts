import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';

import { parseIsoInstant } from './calendar-date';

/**
 * Property decorators of list filter DTOs (`filter={...}` of a simple-rest list). Each one
 * declares the key, validates it with class-validator and describes it in the OpenAPI document.
 * `parseListQuery` runs them; keys without one are refused.
 */

type Schema = Record<string, unknown>;

/** react-admin sends one value or a list (`{"id":[...]}` from getMany); lists are kept as lists. */
const toList = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value : [value]);

function oneOrList(item: Schema, maxItems: number, description?: string): PropertyDecorator {
  return ApiPropertyOptional({
    oneOf: [item, { type: 'array', items: item, minItems: 1, maxItems }],
    ...(description ? { description } : {}),
  });
}

/** One id (uuid) or a list of 1 to `maxItems` of them. */
export function FilterUuids(options: { maxItems: number }): PropertyDecorator {
  const reason = `must be an id (uuid) or a list of 1 to ${options.maxItems} of them`;
  return applyDecorators(
    oneOrList({ type: 'string', format: 'uuid' }, options.maxItems),
    IsOptional(),
    Transform(toList),
    IsArray({ message: reason }),
    ArrayMaxSize(options.maxItems, { message: reason }),
    IsUUID('all', { each: true, message: reason }),
  );
}

/** One id (uuid). */
export function FilterUuid(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', format: 'uuid' }),
    IsOptional(),
    IsUUID('all', { message: 'must be an id (uuid)' }),
  );
}

/** One of `values`, or a list of 1 to `maxItems` of them. */
export function FilterEnums(
  values: readonly string[],
  options: { maxItems?: number } = {},
): PropertyDecorator {
  const maxItems = options.maxItems ?? 50;
  const reason = `must be one or a list of ${values.join(', ')}`;
  return applyDecorators(
    oneOrList({ type: 'string', enum: [...values] }, maxItems),
    IsOptional(),
    Transform(toList),
    IsArray({ message: reason }),
    ArrayMaxSize(maxItems, { message: reason }),
    IsIn([...values], { each: true, message: reason }),
  );
}

/** One of `values`. */
export function FilterEnum(values: readonly string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', enum: [...values] }),
    IsOptional(),
    IsIn([...values], { message: `must be one of ${values.join(', ')}` }),
  );
}

const isNonBlankText = (maxLength: number) => (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= maxLength;

/** One text of 1 to `maxLength` characters (not only spaces), or a list of 1 to `maxItems`. */
export function FilterTexts(options: { maxLength: number; maxItems: number }): PropertyDecorator {
  const { maxLength, maxItems } = options;
  const reason = `must be a text of 1 to ${maxLength} characters or a list of 1 to ${maxItems} of them`;
  const nonBlank = isNonBlankText(maxLength);
  return applyDecorators(
    oneOrList({ type: 'string', minLength: 1, maxLength }, maxItems),
    IsOptional(),
    Transform(toList),
    IsArray({ message: reason }),
    ArrayMaxSize(maxItems, { message: reason }),
    ValidateBy(
      { name: 'isNonBlankText', validator: { validate: nonBlank } },
      { each: true, message: reason },
    ),
  );
}

/** One text of at most `maxLength` characters; `trim` drops surrounding spaces (searches). */
export function FilterText(options: { maxLength: number; trim?: boolean }): PropertyDecorator {
  const reason = `must be a text of at most ${options.maxLength} characters`;
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', maxLength: options.maxLength }),
    IsOptional(),
    ...(options.trim
      ? [
          Transform(({ value }: { value: unknown }) =>
            typeof value === 'string' ? value.trim() : value,
          ),
        ]
      : []),
    IsString({ message: reason }),
    MaxLength(options.maxLength, { message: reason }),
  );
}

export function FilterBoolean(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'boolean' }),
    IsOptional(),
    IsBoolean({ message: 'must be true or false' }),
  );
}

/** A JSON integer within [min, max] (the column's range, so the database never overflows). */
export function FilterInt(options: { min: number; max: number }): PropertyDecorator {
  const reason = `must be an integer from ${options.min} to ${options.max}`;
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: options.min, maximum: options.max }),
    IsOptional(),
    IsInt({ message: reason }),
    Min(options.min, { message: reason }),
    Max(options.max, { message: reason }),
  );
}

// Strict: an impossible day (`2026-02-30`) or a year Postgres cannot store stays text, which
// IsDate refuses.
const toInstant = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (parseIsoInstant(value) ?? value) : value;

/** An ISO 8601 date or date-time, read as a Date. */
export function FilterInstant(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      description: 'ISO 8601 date (midnight UTC) or date-time with a zone',
      example: '2026-01-01T00:00:00Z',
    }),
    IsOptional(),
    Transform(toInstant),
    IsDate({ message: 'must be an ISO 8601 date or date-time with a zone' }),
  );
}
