import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** The global pipe: strips nothing silently, rejects unknown fields, names each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const map = validationErrorsToMap(errors);
      const fields = Object.keys(map);
      return new BadRequestException({
        code: 'validation_failed',
        message: `Invalid input: ${fields.map((field) => `${field} (${map[field]})`).join(', ')}`,
        errors: map,
      });
    },
  });
}
