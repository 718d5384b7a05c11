import { isISO8601, isUUID } from 'class-validator';

import { DomainException, ErrorKind } from '@app/common';

import { LIMITS } from './campaign-validation';
import { ApprovalState, KakaoState, SyncState } from './campaign.enums';

/** The filters `GET /api/campaigns` understands, validated. */
export interface CampaignListFilter {
  ids?: string[];
  /** Archived campaigns instead of live ones. */
  archived: boolean;
  q?: string;
  syncStates?: string[];
  approvalStates?: string[];
  kakaoStates?: string[];
  targetCalendarIds?: string[];
  ownerIds?: string[];
  /** Any of these tags. */
  tags?: string[];
  /**
   * Overlap with a window (the calendar view): starts before `startsBefore`, and some occurrence
   * of the series (the last, for repeating campaigns) ends after `endsAfter`.
   */
  startsBefore?: Date;
  endsAfter?: Date;
  /** Starts within [startsFrom, startsTo]. */
  startsFrom?: Date;
  startsTo?: Date;
}

const MAX_VALUES = 500;
const Q_MAX = 200;

const FILTER_KEYS = [
  'id',
  'archived',
  'q',
  'syncState',
  'approvalState',
  'kakaoState',
  'targetCalendarId',
  'ownerId',
  'tag',
  'tags',
  'startsBefore',
  'endsAfter',
  'startsFrom',
  'startsTo',
] as const;

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

/** One value or a list of them, each checked by `accept`. */
function values(
  field: string,
  value: unknown,
  accept: (item: unknown) => item is string,
  reason: string,
): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > MAX_VALUES || !list.every(accept)) {
    throw invalid(field, `must be ${reason} or a list of 1 to ${MAX_VALUES} of them`);
  }
  return list;
}

const isUuid = (item: unknown): item is string => typeof item === 'string' && isUUID(item);

function oneOf(allowed: readonly string[]) {
  return (item: unknown): item is string => typeof item === 'string' && allowed.includes(item);
}

function text(max: number) {
  return (item: unknown): item is string =>
    typeof item === 'string' && item.trim() !== '' && item.length <= max;
}

function instant(field: string, value: unknown): Date {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) {
    throw invalid(field, 'must be an ISO 8601 date or date-time');
  }
  return new Date(value);
}

/** Reads `filter={...}` of the campaign list; unknown keys are refused so typos do not go unseen. */
export function parseCampaignListFilter(filter: Record<string, unknown>): CampaignListFilter {
  for (const key of Object.keys(filter)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw invalid(key, `unknown filter; use one of ${FILTER_KEYS.join(', ')}`);
    }
  }
  // react-admin leaves cleared inputs out, but other clients send empty values: they mean "any".
  const given = (key: string): unknown =>
    filter[key] === null || filter[key] === '' ? undefined : filter[key];
  const out: CampaignListFilter = { archived: false };
  const archived = given('archived');
  if (archived !== undefined) {
    if (typeof archived !== 'boolean') {
      throw invalid('archived', 'must be true or false');
    }
    out.archived = archived;
  }
  if (given('id') !== undefined) {
    out.ids = values('id', given('id'), isUuid, 'a campaign id (uuid)');
  }
  const q = given('q');
  if (q !== undefined) {
    if (typeof q !== 'string' || q.length > Q_MAX) {
      throw invalid('q', `must be a string of at most ${Q_MAX} characters`);
    }
    if (q.trim() !== '') {
      out.q = q.trim();
    }
  }
  const states = [
    ['syncState', 'syncStates', Object.values(SyncState)],
    ['approvalState', 'approvalStates', Object.values(ApprovalState)],
    ['kakaoState', 'kakaoStates', Object.values(KakaoState)],
  ] as const;
  for (const [key, target, allowed] of states) {
    if (given(key) !== undefined) {
      out[target] = values(key, given(key), oneOf(allowed), `one of ${allowed.join(', ')}`);
    }
  }
  if (given('targetCalendarId') !== undefined) {
    out.targetCalendarIds = values(
      'targetCalendarId',
      given('targetCalendarId'),
      text(64),
      'a subscribe-calendar id',
    );
  }
  if (given('ownerId') !== undefined) {
    out.ownerIds = values('ownerId', given('ownerId'), isUuid, 'a user id (uuid)');
  }
  for (const key of ['tag', 'tags'] as const) {
    if (given(key) !== undefined) {
      out.tags = [
        ...(out.tags ?? []),
        ...values(
          key,
          given(key),
          text(LIMITS.tagMax),
          `a tag of 1 to ${LIMITS.tagMax} characters`,
        ),
      ];
    }
  }
  for (const key of ['startsBefore', 'endsAfter', 'startsFrom', 'startsTo'] as const) {
    if (given(key) !== undefined) {
      out[key] = instant(key, given(key));
    }
  }
  return out;
}
