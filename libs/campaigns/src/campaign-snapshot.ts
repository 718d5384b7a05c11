import { DateTime } from 'luxon';

import {
  type CampaignContent,
  type CampaignSnapshot,
  type CampaignTarget,
  CONTENT_FIELDS,
} from './campaign-content';
import { type CampaignContentDto } from './campaign.dto';
import { type CampaignEntity } from './campaign.entity';
import { targetOf } from './campaign.response';
import { seriesEndOf } from './recurrence-rule';

/** Removes undefined and empty members so stored JSON and diffs carry only what was set. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null || member === '') {
      continue;
    }
    if (typeof member === 'object' && !Array.isArray(member)) {
      const nested = compact(member as object);
      if (Object.keys(nested).length > 0) {
        out[key] = nested;
      }
      continue;
    }
    out[key] = member;
  }
  return out as T;
}

/** The content as stored: only the fields of its kind (timed or all-day), nothing empty. */
export function normalizeContent(input: CampaignContentDto | CampaignContent): CampaignContent {
  const content = compact<CampaignContent>({ ...input });
  content.allDay = input.allDay;
  if (content.allDay) {
    delete content.startsAt;
    delete content.endsAt;
  } else {
    delete content.startDate;
    delete content.endDate;
  }
  const ordered: Partial<CampaignContent> = {};
  for (const field of CONTENT_FIELDS) {
    if (content[field] !== undefined) {
      (ordered as Record<string, unknown>)[field] = content[field];
    }
  }
  return ordered as CampaignContent;
}

export function normalizeTarget(
  target: { kind: string; calendarId?: string } | undefined,
): CampaignTarget {
  return target?.kind === 'subscribe_calendar'
    ? { kind: 'subscribe_calendar', calendarId: target.calendarId ?? '' }
    : { kind: 'public_events' };
}

export function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()))];
}

/** First occurrence as instants: all-day spans run from local midnight to the midnight after. */
export function spanOf(content: CampaignContent): { startsAt: Date; endsAt: Date } {
  if (content.allDay) {
    const start = DateTime.fromISO(content.startDate!, { zone: content.timeZone }).startOf('day');
    const end = DateTime.fromISO(content.endDate!, { zone: content.timeZone })
      .startOf('day')
      .plus({ days: 1 });
    return { startsAt: start.toJSDate(), endsAt: end.toJSDate() };
  }
  return { startsAt: new Date(content.startsAt!), endsAt: new Date(content.endsAt!) };
}

export function snapshotOf(campaign: CampaignEntity): CampaignSnapshot {
  const snapshot: CampaignSnapshot = {
    name: campaign.name,
    tags: campaign.tags,
    target: targetOf(campaign),
    content: campaign.content,
  };
  if (campaign.notes) {
    snapshot.notes = campaign.notes;
  }
  return snapshot;
}

/** Writes a snapshot into the campaign's columns. */
export function applySnapshot(campaign: CampaignEntity, snapshot: CampaignSnapshot): void {
  const { startsAt, endsAt } = spanOf(snapshot.content);
  campaign.name = snapshot.name.trim();
  campaign.tags = snapshot.tags;
  campaign.notes = snapshot.notes ?? null;
  campaign.targetKind = snapshot.target.kind;
  campaign.targetCalendarId =
    snapshot.target.kind === 'subscribe_calendar' ? snapshot.target.calendarId : null;
  campaign.content = snapshot.content;
  campaign.title = snapshot.content.title;
  campaign.allDay = snapshot.content.allDay;
  campaign.startsAt = startsAt;
  campaign.endsAt = endsAt;
  campaign.seriesEndsAt = seriesEndOf(snapshot.content.rrule, startsAt, endsAt, {
    lunar: snapshot.content.lunar,
  });
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields only the team sees; Kakao's copy and what a manager approves do not include them. */
export const INTERNAL_FIELDS: ReadonlySet<string> = new Set(['name', 'tags', 'notes']);

/** True when every change is to an internal field (a renamed draft, a new note, new tags). */
export function onlyInternalChanges(changes: FieldChange[]): boolean {
  return changes.every((change) => INTERNAL_FIELDS.has(change.field));
}

/** Two ways of writing one instant (`…13:00:00+09:00`, `…04:00:00.000Z`) are the same time. */
function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') {
    return false;
  }
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(left) && left === right;
}

/**
 * The content to store: `next`, but with the current text of a start or end that names the same
 * instant, so re-saving a form (which writes times its own way) changes nothing.
 */
export function keepSameInstants(current: CampaignContent, next: CampaignContent): CampaignContent {
  const kept = { ...next };
  for (const field of ['startsAt', 'endsAt'] as const) {
    if (kept[field] !== current[field] && sameInstant(current[field], kept[field])) {
      kept[field] = current[field];
    }
  }
  return kept;
}

/** Field-by-field differences between two snapshots (`content.title`, `tags`, ...). */
export function diffSnapshots(before: CampaignSnapshot, after: CampaignSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, a: unknown, b: unknown) => {
    const instant = field === 'content.startsAt' || field === 'content.endsAt';
    if (instant && sameInstant(a, b)) {
      return;
    }
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) {
      changes.push({ field, before: a ?? null, after: b ?? null });
    }
  };
  compare('name', before.name, after.name);
  compare('tags', before.tags, after.tags);
  compare('notes', before.notes, after.notes);
  compare('target', before.target, after.target);
  for (const field of CONTENT_FIELDS) {
    compare(`content.${field}`, before.content[field], after.content[field]);
  }
  return changes;
}
