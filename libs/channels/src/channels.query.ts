import { isUUID } from 'class-validator';

import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

export const CHANNEL_LIST_RULES: ListQueryRules = {
  sortable: ['name', 'channelPublicId', 'createdAt'],
  defaultSort: { field: 'name', order: 'ASC' },
  maxPageSize: 200,
};

export interface ChannelListFilter {
  q?: string;
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

export function parseChannelListFilter(filter: Record<string, unknown>): ChannelListFilter {
  const out: ChannelListFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 100) {
        throw invalid('q', 'must be a string of at most 100 characters');
      }
      out.q = value;
    } else if (key === 'id') {
      const ids: unknown[] = Array.isArray(value) ? value : [value];
      if (ids.length > 200 || !ids.every((id) => typeof id === 'string' && isUUID(id))) {
        throw invalid('id', 'must be a channel id or a list of at most 200 channel ids');
      }
      out.ids = ids as string[];
    } else {
      throw invalid(key, 'unknown filter; use q or id');
    }
  }
  return out;
}
