import {
  FilterEnums,
  FilterText,
  FilterTexts,
  FilterUuids,
  type ListQueryRules,
} from '@app/common';

import { ChannelRelation, ConsentState, RecipientSource } from './recipient.enums';

export const RECIPIENT_SORTABLE = [
  'createdAt',
  'updatedAt',
  'optedInAt',
  'lastDeliveredAt',
  'nickname',
  'kakaoUserId',
  'consentState',
  'channelRelation',
] as const;

export const RECIPIENT_LIST_RULES: ListQueryRules = {
  sortable: RECIPIENT_SORTABLE,
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 500,
};

/** `GET /api/recipients/imports` has no filter. */
export const IMPORT_LIST_RULES: ListQueryRules = {
  sortable: ['createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 200,
};

const TAGS = { maxLength: 50, maxItems: 50 };

/** `filter` of `GET /api/recipients`; each list means "any of these". */
export class RecipientListFilter {
  /** Nickname (substring) or Kakao user id (exact). */
  @FilterText({ maxLength: 100, trim: true })
  q?: string;

  /** Recipients with any of these tags; `tags` is the same filter. */
  @FilterTexts(TAGS)
  tag?: string[];

  @FilterTexts(TAGS)
  tags?: string[];

  @FilterEnums(Object.values(ConsentState))
  consentState?: ConsentState[];

  @FilterEnums(Object.values(ChannelRelation))
  channelRelation?: ChannelRelation[];

  @FilterEnums(Object.values(RecipientSource))
  source?: RecipientSource[];

  /** react-admin's getMany sends `{"id":[...]}`. */
  @FilterUuids({ maxItems: 500 })
  id?: string[];
}
