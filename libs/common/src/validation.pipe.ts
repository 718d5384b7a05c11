import {
  type ArgumentMetadata,
  BadRequestException,
  type PipeTransform,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

import { findInputProblem, INPUT_REASONS, MAX_INPUT_DEPTH } from './request-input';

/** Flattens class-validator errors into `{ 'field.path': reason }`, one reason per field. */
export function validationErrorsToMap(
  errors: ValidationError[],
  parent = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const reasons = Object.values(error.constraints ?? {});
    if (reasons[0] !== undefined) {
      out[path] = reasons[0];
    }
    Object.assign(out, validationErrorsToMap(error.children ?? [], path));
  }
  return out;
}

/** The 400 of the global pipe: `validation_failed`, each bad field with its reason. */
export function invalidInput(errors: Record<string, string>): BadRequestException {
  const fields = Object.keys(errors);
  return new BadRequestException({
    code: 'validation_failed',
    message: `Invalid input: ${fields.map((field) => `${field} (${errors[field]})`).join(', ')}`,
    errors,
  });
}

const NAME_BY_TYPE: Record<string, string> = { body: 'body', query: 'query', param: 'params' };

/**
 * Runs before class-transformer and class-validator, on everything that reaches a handler: a
 * body must be JSON data (never a stream or an instance, which class-transformer would walk
 * into) nesting at most MAX_INPUT_DEPTH levels, and no string or key anywhere (body, query,
 * path parameters, custom decorators) may hold NUL or a lone surrogate.
 */
export class RequestInputPipe implements PipeTransform {
  constructor(private readonly validation: ValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isBody = metadata.type === 'body';
    const named = typeof metadata.data === 'string' && metadata.data !== '';
    if (isBody && !named && value !== undefined && value !== null && typeof value !== 'object') {
      throw invalidInput({ body: INPUT_REASONS.json });
    }
    const problem = findInputProblem(value, {
      name: named ? metadata.data : (NAME_BY_TYPE[metadata.type] ?? 'request'),
      keysAreFields: !named,
      jsonOnly: isBody,
      maxDepth: MAX_INPUT_DEPTH,
    });
    if (problem) {
      throw invalidInput({ [problem.field]: problem.reason });
    }
    return this.validation.transform(value, metadata) as Promise<unknown>;
  }
}

/** The global pipe: strips nothing silently, rejects unknown fields, names each bad field. */
export function createValidationPipe(): RequestInputPipe {
  return new RequestInputPipe(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidInput(validationErrorsToMap(errors)),
    }),
  );
}
