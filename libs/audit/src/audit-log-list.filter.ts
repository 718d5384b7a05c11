import { ValidateBy } from 'class-validator';

import {
  FilterInstant,
  FilterText,
  FilterTexts,
  FilterUuid,
  type ListQueryRules,
} from '@app/common';

/** Sorting and page size of `GET /api/audit-log`; `at` and `id` both order by (at, id). */
export const AUDIT_LOG_LIST_RULES: ListQueryRules = {
  sortable: ['at', 'id'],
  defaultSort: { field: 'at', order: 'DESC' },
  maxPageSize: 200,
};

/** `to` must be later than `from` when both are given. */
const IsAfterFrom = (): PropertyDecorator =>
  ValidateBy({
    name: 'isAfterFrom',
    validator: {
      validate: (to: unknown, args) => {
        const { from } = args?.object as AuditLogFilter;
        return !(to instanceof Date && from instanceof Date) || to > from;
      },
      defaultMessage: () => 'must be after from',
    },
  });

/** `filter` of `GET /api/audit-log`. `from` is inclusive, `to` exclusive. */
export class AuditLogFilter {
  @FilterUuid()
  actorUserId?: string;

  /** One action or a list, e.g. `channel.update`. */
  @FilterTexts({ maxLength: 64, maxItems: 50 })
  action?: string[];

  @FilterText({ maxLength: 64 })
  entityType?: string;

  @FilterText({ maxLength: 128 })
  entityId?: string;

  @FilterInstant()
  from?: Date;

  @IsAfterFrom()
  @FilterInstant()
  to?: Date;
}
