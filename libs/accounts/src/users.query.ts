import { isUUID } from 'class-validator';

import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

import { type Role, ROLES } from './role';

/** Sorting and page size of `GET /api/users`; `role` is the role in the current channel. */
export const USER_LIST_RULES: ListQueryRules = {
  sortable: ['email', 'displayName', 'role', 'disabled', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'email', order: 'ASC' },
  maxPageSize: 200,
};

export interface UserListFilter {
  /** Part of the email or display name, case-insensitive. */
  q?: string;
  roles?: Role[];
  disabled?: boolean;
  /** react-admin's getMany sends `filter={"id":[...]}`. */
  ids?: string[];
}

const FILTER_KEYS = ['q', 'role', 'disabled', 'id'] as const;

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

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

export function parseUserListFilter(filter: Record<string, unknown>): UserListFilter {
  for (const key of Object.keys(filter)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw invalid(key, `unknown filter; use one of ${FILTER_KEYS.join(', ')}`);
    }
  }
  const out: UserListFilter = {};
  if (filter.q !== undefined) {
    if (typeof filter.q !== 'string' || filter.q.length > 100) {
      throw invalid('q', 'must be a string of at most 100 characters');
    }
    out.q = filter.q;
  }
  if (filter.role !== undefined) {
    const roles = asList(filter.role);
    if (roles.length === 0 || !roles.every((role) => ROLES.includes(role as Role))) {
      throw invalid('role', `must be one or more of ${ROLES.join(', ')}`);
    }
    out.roles = roles as Role[];
  }
  if (filter.disabled !== undefined) {
    if (typeof filter.disabled !== 'boolean') {
      throw invalid('disabled', 'must be true or false');
    }
    out.disabled = filter.disabled;
  }
  if (filter.id !== undefined) {
    const ids = asList(filter.id);
    if (ids.length > 200 || !ids.every((id) => typeof id === 'string' && isUUID(id))) {
      throw invalid('id', 'must be a user id or a list of at most 200 user ids');
    }
    out.ids = ids as string[];
  }
  return out;
}
