import { type RecipientDeliveryRow, DeliveryState } from '@app/blasts';
import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

export const RECIPIENT_DELIVERY_LIST_RULES: ListQueryRules = {
  sortable: ['id'],
  defaultSort: { field: 'id', order: 'DESC' },
  maxPageSize: 200,
};

export interface RecipientDeliveryResponse {
  id: string;
  runId: string;
  runScheduledAt: string;
  runState: string;
  blastId: string;
  blastName: string;
  state: DeliveryState;
  attempts: number;
  /** Kakao's error code when it refused the message. */
  kakaoCode: number | null;
  /** Kakao's message, or why the delivery was skipped. */
  reason: string | null;
  sentAt: string | null;
  updatedAt: string;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toRecipientDeliveryResponse(row: RecipientDeliveryRow): RecipientDeliveryResponse {
  return {
    id: String(row.id),
    runId: row.runId,
    runScheduledAt: iso(row.runScheduledAt)!,
    runState: row.runState,
    blastId: row.blastId,
    blastName: row.blastName,
    state: row.state,
    attempts: row.attempts,
    kakaoCode: row.kakaoCode,
    reason: row.reason,
    sentAt: iso(row.sentAt),
    updatedAt: iso(row.updatedAt)!,
  };
}

function invalidFilter(field: string, reason: string): DomainException {
  return new DomainException(
    ErrorKind.BadInput,
    'list.invalid_query',
    `filter.${field}: ${reason}`,
    { [`filter.${field}`]: reason },
  );
}

/** `filter={"state":"failed"}` (or a list of states); no other filter. */
export function parseRecipientDeliveryFilter(filter: Record<string, unknown>): {
  states?: DeliveryState[];
} {
  const allowed: readonly string[] = Object.values(DeliveryState);
  const out: { states?: DeliveryState[] } = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (key !== 'state') {
      throw invalidFilter(key, 'unknown filter; use state');
    }
    const states: unknown[] = Array.isArray(value) ? value : [value];
    if (!states.every((state) => typeof state === 'string' && allowed.includes(state))) {
      throw invalidFilter(key, `must be one or more of ${allowed.join(', ')}`);
    }
    out.states = states as DeliveryState[];
  }
  return out;
}
