export { assertNever } from './assert-never';
export { DomainException, ErrorKind } from './domain.exception';
export { statusForKind } from './error-envelope';
export type { ErrorEnvelope } from './error-envelope';
export { HttpExceptionFilter, toErrorEnvelope } from './http-exception.filter';
export { SecretBox } from './secret-box';
export { createValidationPipe, validationErrorsToMap } from './validation.pipe';
export { SecretsModule } from './secrets.module';
