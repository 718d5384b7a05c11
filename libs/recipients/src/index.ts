export { generateIngestKey, hashIngestKey } from './ingest-key';
export type { IngestKeyEntity } from './ingest-key.entity';
export { IngestKeysService } from './ingest-keys.service';
export { CSV_UPLOAD_CONTENT_TYPES, readCsvUpload, RAW_CSV_CONTENT_TYPES } from './csv-upload';
export type { CsvUpload } from './csv-upload';
export { csvCell, parseImportHeader, parseImportRow } from './import-row';
export type { ImportHeader, ImportRow } from './import-row';
export type { JoinAnswer, JoinFailure } from './join-pages';
export { joinStateKey, signJoinState, verifyJoinState } from './join-state';
export type { JoinStateCheck, JoinStateProblem } from './join-state';
export {
  CreateIngestKeyDto,
  IngestRecipientDto,
  IngestRecipientsDto,
  toIngestKeyResponse,
  toRecipientImportResponse,
  toRecipientResponse,
  UpdateRecipientDto,
} from './recipient.dto';
export type {
  CreatedIngestKeyResponse,
  IngestKeyResponse,
  IngestResultResponse,
  RecipientDeliveryItem,
  RecipientDetailResponse,
  RecipientImportResponse,
  RecipientResponse,
} from './recipient.dto';
export { RecipientEntity } from './recipient.entity';
export type { AttributeValue } from './recipient.entity';
export {
  ChannelRelation,
  ConsentState,
  ImportKind,
  ImportMode,
  ImportState,
  RecipientSource,
} from './recipient.enums';
export {
  ATTRIBUTE_KEY,
  checkAttributes,
  FIELD_LIMITS,
  KAKAO_USER_ID,
  normalizeTags,
  parseAttributeCell,
} from './recipient-fields';
export type { RecipientImportEntity } from './recipient-import.entity';
export { RecipientImportsService } from './recipient-imports.service';
export type { ImportApplier, ImportRequest } from './recipient-imports.service';
export { RecipientIngestService } from './recipient-ingest.service';
export { RecipientOptInService } from './recipient-opt-in.service';
export type { JoinCallbackQuery } from './recipient-opt-in.service';
export { RecipientRelationSyncService } from './recipient-relation-sync.service';
export type { RelationSyncResult } from './recipient-relation-sync.service';
export type { SendingCredential } from './recipient-token.vault';
export {
  IMPORTS,
  isTransientSkip,
  OPT_IN_SCOPES,
  refreshFailed,
  SkipReason,
} from './recipients.constants';
export { RecipientsErrorCode, RecipientsException } from './recipients.exception';
export { RECIPIENT_ENTITIES, RecipientsModule, RecipientsWorkerModule } from './recipients.module';
export {
  IMPORT_LIST_RULES,
  RECIPIENT_LIST_RULES,
  RECIPIENT_SORTABLE,
  RecipientListFilter,
} from './recipient-list.filter';
export { RecipientsService } from './recipients.service';
export type { RecipientDeliveryHistory, UpdateRecipientInput } from './recipients.service';
export { exportLanguage } from './recipient-export';
export type { ExportLanguage } from './recipient-export';
