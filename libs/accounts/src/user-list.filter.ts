import {
  FilterBoolean,
  FilterEnums,
  FilterText,
  FilterUuids,
  type ListQueryRules,
} from '@app/common';

import { type Role, ROLES } from './role';

/** Sorting and page size of `GET /api/users`; `role` is the role in the current channel. */
export const USER_LIST_RULES: ListQueryRules = {
  sortable: ['email', 'displayName', 'role', 'disabled', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'email', order: 'ASC' },
  maxPageSize: 200,
};

/** `filter` of `GET /api/users`. */
export class UserListFilter {
  /** Part of the email or display name, case-insensitive. */
  @FilterText({ maxLength: 100 })
  q?: string;

  /** The role in the current channel: one or any of a list. */
  @FilterEnums(ROLES)
  role?: Role[];

  @FilterBoolean()
  disabled?: boolean;

  /** react-admin's getMany sends `{"id":[...]}`. */
  @FilterUuids({ maxItems: 200 })
  id?: string[];
}
