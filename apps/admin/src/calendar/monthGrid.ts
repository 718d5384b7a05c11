import { occurrencesInWindow } from '@admin/calendar/occurrences';
import { type Campaign, type Holiday } from '@admin/campaigns/types';
import { addDays, localDate } from '@admin/time/zonedTime';

/** A month as six weeks of `YYYY-MM-DD` days, Sunday first (as Korean wall calendars are). */
export function monthGrid(year: number, month: number): string[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const start = addDays(first.toISOString().slice(0, 10), -first.getUTCDay());
  return Array.from({ length: 6 }, (_, week) =>
    Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day)),
  );
}

export function shiftMonth(
  year: number,
  month: number,
  by: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The local days a campaign's first occurrence covers, in `timeZone`. */
export function campaignDays(
  campaign: Campaign,
  timeZone: string,
): { first: string; last: string } {
  const content = campaign.content;
  if (content.allDay && content.startDate && content.endDate) {
    return { first: content.startDate, last: content.endDate };
  }
  const starts = Date.parse(campaign.startsAt);
  // An event ending at midnight does not show on the next day.
  const ends = Math.max(starts, Date.parse(campaign.endsAt) - 1);
  return { first: localDate(starts, timeZone), last: localDate(ends, timeZone) };
}

/** Campaigns per day of the grid (every occurrence of repeating ones), soonest first. */
export function campaignsByDay(
  campaigns: readonly Campaign[],
  days: readonly string[],
  timeZone: string,
): Map<string, Campaign[]> {
  const byDay = new Map<string, Campaign[]>(days.map((day) => [day, []]));
  const windowFirst = days[0];
  const windowLast = days[days.length - 1];
  if (windowFirst === undefined || windowLast === undefined) {
    return byDay;
  }
  const sorted = [...campaigns].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const campaign of sorted) {
    const spans = occurrencesInWindow(
      campaign.content.rrule,
      campaign.content.lunar === true,
      campaignDays(campaign, timeZone),
      windowFirst,
      windowLast,
    );
    for (const span of spans) {
      for (const day of days) {
        if (day >= span.first && day <= span.last) {
          byDay.get(day)?.push(campaign);
        }
      }
    }
  }
  return byDay;
}

export interface HolidayMark {
  title: string;
  /** A public holiday (red); false for days of remembrance Kakao lists without a day off. */
  off: boolean;
}

/** Holidays per local day; Kakao gives all-day spans in UTC `[start, end)`. */
export function holidaysByDay(holidays: readonly Holiday[]): Map<string, HolidayMark[]> {
  const byDay = new Map<string, HolidayMark[]>();
  for (const holiday of holidays) {
    const first = holiday.time.start_at.slice(0, 10);
    const endExclusive = holiday.time.end_at.slice(0, 10);
    let day = first;
    do {
      const marks = byDay.get(day) ?? [];
      marks.push({ title: holiday.title ?? '', off: holiday.holiday });
      byDay.set(day, marks);
      day = addDays(day, 1);
    } while (day < endExclusive);
  }
  return byDay;
}
