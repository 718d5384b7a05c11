import { isISO8601, isUUID } from 'class-validator';

import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

/** Sorting and page size of `GET /api/audit-log`; `at` and `id` both order by (at, id). */
export const AUDIT_LOG_LIST_RULES: ListQueryRules = {
  sortable: ['at', 'id'],
  defaultSort: { field: 'at', order: 'DESC' },
  maxPageSize: 200,
};

/** The filters the audit list understands, validated. `from` is inclusive, `to` exclusive. */
export interface AuditLogFilter {
  actorUserId?: string;
  actions?: string[];
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

const FILTER_KEYS = ['actorUserId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

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

function text(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value === '' || value.length > maxLength) {
    throw invalid(field, `must be a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

function instant(field: string, value: unknown): Date {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) {
    throw invalid(field, 'must be an ISO 8601 date or date-time');
  }
  return new Date(value);
}

/** Reads `filter={...}` of the audit list; unknown keys are rejected so typos do not go unseen. */
export function parseAuditLogFilter(filter: Record<string, unknown>): AuditLogFilter {
  for (const key of Object.keys(filter)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw invalid(key, `unknown filter; use one of ${FILTER_KEYS.join(', ')}`);
    }
  }
  const out: AuditLogFilter = {};
  if (filter.actorUserId !== undefined) {
    if (typeof filter.actorUserId !== 'string' || !isUUID(filter.actorUserId)) {
      throw invalid('actorUserId', 'must be a user id (uuid)');
    }
    out.actorUserId = filter.actorUserId;
  }
  if (filter.action !== undefined) {
    const actions: unknown[] = Array.isArray(filter.action) ? filter.action : [filter.action];
    if (actions.length === 0 || actions.length > 50) {
      throw invalid('action', 'must be an action or a list of 1 to 50 actions');
    }
    out.actions = actions.map((action) => text('action', action, 64));
  }
  if (filter.entityType !== undefined) {
    out.entityType = text('entityType', filter.entityType, 64);
  }
  if (filter.entityId !== undefined) {
    out.entityId = text('entityId', filter.entityId, 128);
  }
  if (filter.from !== undefined) {
    out.from = instant('from', filter.from);
  }
  if (filter.to !== undefined) {
    out.to = instant('to', filter.to);
  }
  if (out.from && out.to && out.from >= out.to) {
    throw invalid('to', 'must be after from');
  }
  return out;
}
