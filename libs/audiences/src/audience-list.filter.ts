import {
  FilterBoolean,
  FilterEnums,
  FilterText,
  FilterUuids,
  type ListQueryRules,
} from '@app/common';

import { AudienceKind } from './audience.entity';

export const AUDIENCE_LIST_RULES: ListQueryRules = {
  sortable: ['name', 'createdAt', 'updatedAt', 'kind'],
  defaultSort: { field: 'updatedAt', order: 'DESC' },
  maxPageSize: 200,
};

/** `filter` of `GET /api/audiences`. */
export class AudienceListFilter {
  /** Part of the name, case-insensitive. */
  @FilterText({ maxLength: 100, trim: true })
  q?: string;

  /** `dynamic`, `static`, or both as a list. */
  @FilterEnums(Object.values(AudienceKind))
  kind?: AudienceKind[];

  /** Archived audiences instead of live ones (the default). */
  @FilterBoolean()
  archived?: boolean;

  /** react-admin's getMany sends `{"id":[...]}`. */
  @FilterUuids({ maxItems: 200 })
  id?: string[];
}

export const AUDIENCE_MEMBER_LIST_RULES: ListQueryRules = {
  sortable: ['createdAt', 'nickname', 'kakaoUserId', 'consentState'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 200,
};

/** `filter` of `GET /api/audiences/:id/members`. */
export class AudienceMemberListFilter {
  /** Nickname (substring) or Kakao user id (exact). */
  @FilterText({ maxLength: 100, trim: true })
  q?: string;
}
