import { HOLIDAYS } from '@app/kakao-sandbox/calendar/holiday-fixtures';
import { DAY_MS } from '@app/kakao-sandbox/validation/datetime';
import type { TimeWindow } from '@app/kakao-sandbox/validation/list-window';
import { formatTime, type KakaoTime } from '@app/kakao-sandbox/validation/time';

/** `to` lies within 31 days after `from` (4.20); callers page longer spans. */
export const HOLIDAY_WINDOW_MAX_DAYS = 31;
export const HOLIDAY_WINDOW_MAX_MS = HOLIDAY_WINDOW_MAX_DAYS * DAY_MS;

/** Holiday of 3.12. */
export interface HolidayWire {
  title: string;
  time: KakaoTime;
  holiday: boolean;
}

const HOLIDAY_ROWS = HOLIDAYS.map((row) => {
  const startMs = Date.parse(`${row.date}T00:00:00Z`);
  return { ...row, startMs, endMs: startMs + DAY_MS };
});

/** Holidays and notable days overlapping the window (4.20), as all-day spans. */
export function holidaysIn(window: TimeWindow): { events: HolidayWire[] } {
  const events = HOLIDAY_ROWS.filter(
    (row) => row.startMs < window.toMs && row.endMs > window.fromMs,
  ).map((row) => ({
    title: row.title,
    holiday: row.holiday,
    time: formatTime({
      startMs: row.startMs,
      endMs: row.endMs,
      timeZone: 'Asia/Seoul',
      allDay: true,
      lunar: false,
    }),
  }));
  return { events };
}
