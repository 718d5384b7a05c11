import { DateTime } from 'luxon';

/** A daily window in local time, e.g. 21:00–08:00 (Korean law restricts ad messages then). */
export interface QuietHours {
  start: string;
  end: string;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `at` falls inside the window in `zone`. Windows may wrap midnight. */
export function isQuiet(at: Date, zone: string, window: QuietHours): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) {
    return false;
  }
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the window that contains `at` ends (the next local `end` time); `at` itself if not quiet. */
export function quietEndsAt(at: Date, zone: string, window: QuietHours): Date {
  if (!isQuiet(at, zone, window)) {
    return at;
  }
  const local = DateTime.fromJSDate(at, { zone });
  const end = minutesOf(window.end);
  let candidate = local.startOf('day').plus({ minutes: end });
  if (candidate <= local) {
    candidate = candidate.plus({ days: 1 });
  }
  return candidate.toJSDate();
}

/** The next 00:00 in Asia/Seoul after `at`: when Kakao's daily quotas reset. */
export function nextSeoulMidnight(at: Date): Date {
  return DateTime.fromJSDate(at, { zone: 'Asia/Seoul' })
    .startOf('day')
    .plus({ days: 1 })
    .toJSDate();
}
