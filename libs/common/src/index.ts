export { assertNever } from './assert-never';
export { DomainException, ErrorKind } from './domain.exception';
export { statusForKind } from './error-envelope';
export type { ErrorEnvelope } from './error-envelope';
export {
  type ErrorTranslator,
  HttpExceptionFilter,
  toErrorEnvelope,
} from './http-exception.filter';
export { SecretBox } from './secret-box';
export {
  createValidationPipe,
  invalidInput,
  RequestInputPipe,
  validationErrorsToMap,
} from './validation.pipe';
export { PositiveIntPipe, UuidPipe, INT4_MAX } from './param.pipes';
export { Omittable } from './omittable';
export { findInputProblem, INPUT_REASONS, MAX_INPUT_DEPTH, textProblem } from './request-input';
export { bodyMediaTypeGuard } from './body-media-types';
export { parseJsonBody } from './json-body';
export type { BodyMediaTypeRules } from './body-media-types';
export { SecretsModule } from './secrets.module';
export {
  contentRange,
  ListQueryParams,
  listReply,
  NoListFilter,
  parseListQuery,
} from './list-query';
export type { HeaderReply, ListQuery, ListQueryRules, Page, RawListQuery } from './list-query';
export {
  FilterBoolean,
  FilterEnum,
  FilterEnums,
  FilterInstant,
  FilterInt,
  FilterText,
  FilterTexts,
  FilterUuid,
  FilterUuids,
} from './list-filter';
export { escapeHtml, PUBLIC_PAGE_HEADERS, publicPage } from './public-page';
export { seededRandom } from './seeded-random';
export { forEachLimited } from './limited';
export { isCalendarDate, parseIsoInstant } from './calendar-date';
