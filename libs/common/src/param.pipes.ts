import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

import { invalidInput } from './validation.pipe';

// Path parameters and single query values are checked here, named by the key they came in, so
// that a bad one answers 400 `{ errors: { id: 'must be a UUID' } }` before any SQL sees it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Largest value of a Postgres `integer` column. */
export const INT4_MAX = 2_147_483_647;

function nameOf(metadata: ArgumentMetadata): string {
  return metadata.data ?? metadata.type;
}

/** `@Param('id', UuidPipe)`: a UUID (any version), or 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw invalidInput({ [nameOf(metadata)]: 'must be a UUID' });
    }
    return value;
  }
}

/**
 * `@Param('revision', PositiveIntPipe)`: a whole number 1…2147483647 (a positive `integer`
 * column), or 400 naming the parameter. The global pipe may already have made it a number.
 */
@Injectable()
export class PositiveIntPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{1,10}$/.test(value)
          ? Number(value)
          : Number.NaN;
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > INT4_MAX) {
      throw invalidInput({ [nameOf(metadata)]: `must be an integer 1…${INT4_MAX}` });
    }
    return parsed;
  }
}
