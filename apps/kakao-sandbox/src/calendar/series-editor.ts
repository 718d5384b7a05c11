import {
  type EventRef,
  insertEvent,
  isRecurring,
  removeEvent,
} from '@app/kakao-sandbox/calendar/event-store';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { countStartsBefore, firstStart } from '@app/kakao-sandbox/recurrence/occurrences';
import type { RecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import { newEventId } from '@app/kakao-sandbox/state/ids';
import type { EventRecord, GuestRecord, TimeSpec } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { formatBasicInstant, parseInstant } from '@app/kakao-sandbox/validation/datetime';
import { checkEventConsistency, type EventPatch } from '@app/kakao-sandbox/validation/event-input';
import { moveTime } from '@app/kakao-sandbox/validation/time';

export const RECUR_UPDATE_TYPES = ['THIS', 'THIS_AND_FOLLOWING', 'ALL'] as const;
export type RecurUpdateType = (typeof RECUR_UPDATE_TYPES)[number];

export function parseRecurUpdateType(value: string | undefined): RecurUpdateType | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!(RECUR_UPDATE_TYPES as readonly string[]).includes(value)) {
    throw invalidParam(`recur_update_type must be one of ${RECUR_UPDATE_TYPES.join(', ')}`);
  }
  return value as RecurUpdateType;
}

/** Fields an ALL / THIS_AND_FOLLOWING edit carries over to the series' exceptions. */
function sharedFields(patch: EventPatch): EventPatch {
  const { title, description, location, color, banner, notificationMessage } = patch;
  return { title, description, location, color, banner, notificationMessage };
}

function assignFields(event: EventRecord, patch: EventPatch): void {
  if (patch.title !== undefined) {
    event.title = patch.title;
  }
  if (patch.description !== undefined) {
    event.description = patch.description;
  }
  if (patch.location !== undefined) {
    event.location = patch.location;
  }
  if (patch.reminders !== undefined) {
    event.reminders = patch.reminders;
  }
  if (patch.color !== undefined) {
    event.color = patch.color;
  }
  if (patch.banner !== undefined) {
    event.banner = patch.banner;
  }
  if (patch.notificationMessage !== undefined) {
    event.notificationMessage = patch.notificationMessage;
  }
}

function copyGuests(
  guests: Map<number, GuestRecord>,
  occurrenceMs?: number,
): Map<number, GuestRecord> {
  const copy = new Map<number, GuestRecord>();
  for (const [userId, guest] of guests) {
    const override = occurrenceMs === undefined ? undefined : guest.overrides.get(occurrenceMs);
    copy.set(userId, {
      reminders: guest.reminders,
      color: guest.color,
      memo: guest.memo,
      ...override,
      overrides: new Map(),
    });
  }
  return copy;
}

/** Moving a series moves an instant UNTIL with it, so the number of occurrences stays. */
function shiftUntil(rule: RecurrenceRule | undefined, shiftMs: number): RecurrenceRule | undefined {
  const until = rule?.until === undefined ? undefined : parseInstant(rule.until);
  if (rule === undefined || until === undefined || shiftMs === 0) {
    return rule;
  }
  return { ...rule, until: formatBasicInstant(until + shiftMs) };
}

/** The series' rule cut so that its last occurrence starts before `cutMs`. */
function ruleEndingBefore(
  series: EventRecord,
  rule: RecurrenceRule,
  cutMs: number,
): RecurrenceRule {
  if (rule.count !== undefined) {
    return { ...rule, count: countStartsBefore({ time: series.time, rule }, cutMs) };
  }
  return { ...rule, until: formatBasicInstant(cutMs - 1000) };
}

/**
 * Edits and deletions of events per `recur_update_type` (3.5, 4.8, 4.9, 4.14): THIS turns one
 * occurrence into an exception event with its own id, THIS_AND_FOLLOWING splits the series into
 * two, ALL changes the series in place.
 */
export class SeriesEditor {
  constructor(private readonly context: SandboxContext) {}

  /** Applies `patch`; answers the id of the edited event (may differ from the input id). */
  update(ref: EventRef, type: RecurUpdateType | undefined, patch: EventPatch): string {
    const { event } = ref;
    if (!isRecurring(event)) {
      this.updateSingle(event, patch);
      return event.id;
    }
    if (type === undefined) {
      throw invalidParam('recur_update_type is required for a recurring event');
    }
    const series =
      event.seriesId === undefined ? event : this.context.state.events.get(event.seriesId);
    if (event.seriesId !== undefined) {
      if (type === 'THIS' || !series) {
        this.updateException(event, patch);
        return event.id;
      }
      const cut = event.originalStartMs ?? event.time.startMs;
      return type === 'ALL'
        ? this.updateAll(series, patch)
        : this.updateFollowing(series, cut, patch);
    }
    const occurrence = ref.occurrenceStartMs ?? event.time.startMs;
    switch (type) {
      case 'THIS':
        return this.splitOccurrence(event, occurrence, patch);
      case 'THIS_AND_FOLLOWING':
        return this.updateFollowing(event, occurrence, patch);
      case 'ALL':
        return this.updateAll(event, patch);
    }
  }

  remove(ref: EventRef, type: RecurUpdateType | undefined): void {
    const { state } = this.context;
    const { event } = ref;
    if (!isRecurring(event)) {
      removeEvent(state, event);
      return;
    }
    if (type === undefined) {
      throw invalidParam('recur_update_type is required for a recurring event');
    }
    const series = event.seriesId === undefined ? event : state.events.get(event.seriesId);
    if (event.seriesId !== undefined && (type === 'THIS' || !series)) {
      removeEvent(state, event);
      return;
    }
    if (!series?.rrule) {
      removeEvent(state, event);
      return;
    }
    const occurrence =
      event.seriesId !== undefined
        ? (event.originalStartMs ?? event.time.startMs)
        : (ref.occurrenceStartMs ?? event.time.startMs);
    const first = firstStart({ time: series.time, rule: series.rrule }) ?? series.time.startMs;
    if (type === 'ALL' || (type === 'THIS_AND_FOLLOWING' && occurrence <= first)) {
      removeEvent(state, series);
    } else if (type === 'THIS') {
      series.exdates.push(occurrence);
      series.updatedAt = this.context.now();
    } else {
      this.truncate(series, series.rrule, occurrence);
    }
  }

  private updateSingle(event: EventRecord, patch: EventPatch): void {
    const time = patch.time ?? event.time;
    const rule = patch.rrule === undefined ? event.rrule : (patch.rrule ?? undefined);
    checkEventConsistency(time, rule, patch.reminders ?? event.reminders);
    assignFields(event, patch);
    event.time = time;
    event.rrule = rule;
    event.updatedAt = this.context.now();
  }

  private updateException(event: EventRecord, patch: EventPatch): void {
    if (patch.rrule !== undefined) {
      throw invalidParam(
        'event.rrule can only change with recur_update_type ALL or THIS_AND_FOLLOWING',
      );
    }
    this.updateSingle(event, patch);
  }

  private updateAll(series: EventRecord, patch: EventPatch): string {
    const { state } = this.context;
    const time = patch.time ?? series.time;
    const rule =
      patch.rrule === undefined
        ? shiftUntil(series.rrule, time.startMs - series.time.startMs)
        : (patch.rrule ?? undefined);
    checkEventConsistency(time, rule, patch.reminders ?? series.reminders);
    const shift = time.startMs - series.time.startMs;
    assignFields(series, patch);
    series.time = time;
    series.rrule = rule;
    series.exdates = rule === undefined ? [] : series.exdates.map((start) => start + shift);
    series.updatedAt = this.context.now();
    for (const exceptionId of [...series.exceptionIds]) {
      const exception = state.events.get(exceptionId);
      if (!exception) {
        continue;
      }
      if (rule === undefined) {
        // No series left for the exception to belong to.
        removeEvent(state, exception);
      } else {
        assignFields(exception, sharedFields(patch));
        exception.updatedAt = series.updatedAt;
      }
    }
    return series.id;
  }

  private splitOccurrence(series: EventRecord, occurrenceMs: number, patch: EventPatch): string {
    if (patch.rrule !== undefined) {
      throw invalidParam(
        'event.rrule can only change with recur_update_type ALL or THIS_AND_FOLLOWING',
      );
    }
    const time: TimeSpec = patch.time ?? moveTime(series.time, occurrenceMs);
    checkEventConsistency(time, undefined, patch.reminders ?? series.reminders);
    const now = this.context.now();
    const exception: EventRecord = {
      ...series,
      id: newEventId(),
      time,
      rrule: undefined,
      exdates: [],
      seriesId: series.id,
      originalStartMs: occurrenceMs,
      exceptionIds: [],
      guests: copyGuests(series.guests, occurrenceMs),
      followers: new Map(series.followers),
      createdAt: now,
      updatedAt: now,
    };
    assignFields(exception, patch);
    series.exdates.push(occurrenceMs);
    series.exceptionIds.push(exception.id);
    series.updatedAt = now;
    insertEvent(this.context.state, exception);
    return exception.id;
  }

  private updateFollowing(series: EventRecord, cutMs: number, patch: EventPatch): string {
    const { state } = this.context;
    const rule = series.rrule;
    const first = rule === undefined ? undefined : firstStart({ time: series.time, rule });
    if (rule === undefined || first === undefined || cutMs <= first) {
      return this.updateAll(series, patch);
    }
    const before = countStartsBefore({ time: series.time, rule }, cutMs);
    const carriedRule: RecurrenceRule | undefined =
      rule.count === undefined ? rule : { ...rule, count: rule.count - before };
    const time = patch.time ?? moveTime(series.time, cutMs);
    const newRule =
      patch.rrule === undefined
        ? shiftUntil(carriedRule, time.startMs - cutMs)
        : (patch.rrule ?? undefined);
    checkEventConsistency(time, newRule, patch.reminders ?? series.reminders);
    const shift = time.startMs - cutMs;
    const now = this.context.now();
    const movedExceptions = series.exceptionIds
      .map((id) => state.events.get(id))
      .filter((ex): ex is EventRecord => ex !== undefined && (ex.originalStartMs ?? 0) >= cutMs);
    const following: EventRecord = {
      ...series,
      id: newEventId(),
      time,
      rrule: newRule,
      exdates:
        newRule === undefined ? [] : series.exdates.filter((s) => s >= cutMs).map((s) => s + shift),
      exceptionIds: newRule === undefined ? [] : movedExceptions.map((ex) => ex.id),
      guests: copyGuests(series.guests),
      followers: new Map(series.followers),
      createdAt: now,
      updatedAt: now,
    };
    assignFields(following, patch);
    this.truncate(series, rule, cutMs, false);
    for (const exception of movedExceptions) {
      exception.seriesId = newRule === undefined ? undefined : following.id;
      assignFields(exception, sharedFields(patch));
    }
    insertEvent(state, following);
    return following.id;
  }

  /** Ends the series before `cutMs`; exceptions from there on are deleted unless kept. */
  private truncate(
    series: EventRecord,
    rule: RecurrenceRule,
    cutMs: number,
    dropLater = true,
  ): void {
    const { state } = this.context;
    series.rrule = ruleEndingBefore(series, rule, cutMs);
    series.exdates = series.exdates.filter((start) => start < cutMs);
    const later = series.exceptionIds.filter(
      (id) => (state.events.get(id)?.originalStartMs ?? 0) >= cutMs,
    );
    series.exceptionIds = series.exceptionIds.filter((id) => !later.includes(id));
    if (dropLater) {
      for (const id of later) {
        const exception = state.events.get(id);
        if (exception) {
          removeEvent(state, exception);
        }
      }
    }
    series.updatedAt = this.context.now();
  }
}
