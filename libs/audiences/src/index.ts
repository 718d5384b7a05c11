export {
  AudienceMembersDto,
  CreateAudienceDto,
  PreviewAudienceDto,
  toAudienceResponse,
  UpdateAudienceDto,
} from './audience.dto';
export type {
  AudienceMembersResult,
  AudiencePreview,
  AudienceListItem,
  AudienceResponse,
  AudienceSize,
} from './audience.dto';
export {
  AUDIENCE_LIST_RULES,
  AUDIENCE_MEMBER_LIST_RULES,
  AudienceListFilter,
  AudienceMemberListFilter,
} from './audience-list.filter';
export { AudienceKind } from './audience.entity';
export type { AudienceEntity } from './audience.entity';
export { OPERATORS, RULE_LIMITS, validateExclusions, validateRuleGroup } from './audience-rules';
export type { AudienceExclusions, Rule, RuleGroup, RuleNode } from './audience-rules';
export {
  AudienceCompileError,
  compileAudience,
  compileGroup,
  compileRule,
  SqlParams,
} from './audience-sql';
export type { AudienceDefinition } from './audience-sql';
export type { MembershipSql } from './audience.repository';
export { AUDIENCE_ENTITIES, AudiencesModule } from './audiences.module';
export { AudiencesErrorCode, AudiencesException } from './audiences.exception';
export { AudiencesService } from './audiences.service';
export type { CreateAudienceInput, UpdateAudienceInput } from './audiences.service';
