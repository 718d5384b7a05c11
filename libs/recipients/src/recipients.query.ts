import { isUUID } from 'class-validator';

import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

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

export const IMPORT_LIST_RULES: ListQueryRules = {
  sortable: ['createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 200,
};

/** The filters of `GET /api/recipients`, checked. */
export interface RecipientListFilter {
  /** Nickname (substring) or Kakao user id (exact). */
  q?: string;
  /** Recipients with any of these tags. */
  tags?: string[];
  consentStates?: ConsentState[];
  channelRelations?: ChannelRelation[];
  sources?: RecipientSource[];
  ids?: string[];
}

function invalid(field: string, reason: string): DomainException {
  return new DomainException(
    ErrorKind.BadInput,
    'list.invalid_query',
    `filter.${field}: ${reason}`,
    {
      [`filter.${field}`]: reason,
    },
  );
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function enumList<E extends string>(field: string, value: unknown, allowed: readonly E[]): E[] {
  const values = listOf(value);
  if (!values.every((item): item is E => allowed.includes(item as E))) {
    throw invalid(field, `must be one or more of ${allowed.join(', ')}`);
  }
  return values;
}

export function parseRecipientListFilter(filter: Record<string, unknown>): RecipientListFilter {
  const out: RecipientListFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    switch (key) {
      case 'q':
        if (typeof value !== 'string' || value.length > 100) {
          throw invalid('q', 'must be text of at most 100 characters');
        }
        out.q = value.trim();
        break;
      case 'tag':
      case 'tags': {
        const tags = listOf(value);
        if (tags.length > 50 || !tags.every((tag) => typeof tag === 'string' && tag.length <= 50)) {
          throw invalid(key, 'must be a tag or a list of at most 50 tags');
        }
        out.tags = tags as string[];
        break;
      }
      case 'consentState':
        out.consentStates = enumList(key, value, Object.values(ConsentState));
        break;
      case 'channelRelation':
        out.channelRelations = enumList(key, value, Object.values(ChannelRelation));
        break;
      case 'source':
        out.sources = enumList(key, value, Object.values(RecipientSource));
        break;
      case 'id': {
        const ids = listOf(value);
        if (ids.length > 500 || !ids.every((id) => typeof id === 'string' && isUUID(id))) {
          throw invalid('id', 'must be a recipient id or a list of at most 500');
        }
        out.ids = ids as string[];
        break;
      }
      default:
        throw invalid(
          key,
          'unknown filter; use q, tag, consentState, channelRelation, source or id',
        );
    }
  }
  return out;
}
