import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as `null`: unlike `@IsOptional()`, null still meets
 * the field's validators (a 400 naming it, not a null the service would trip over).
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
