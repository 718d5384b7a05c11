import {
  HOLIDAY_WINDOW_MAX_DAYS,
  HOLIDAY_WINDOW_MAX_MS,
  holidaysIn,
} from '@app/kakao-sandbox/calendar/holidays.service';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseInstantParam } from '@app/kakao-sandbox/validation/list-window';

/** Holidays and notable days (4.20); `to` must lie within 31 days after `from`, as at Kakao. */
export function registerHolidayRoutes(kit: RouteKit): void {
  const { gate } = kit.services;

  kit.get('/v2/api/calendar/holidays', (request, params) => {
    gate.calendarAdmin(request.headers.authorization, false);
    const fromMs = parseInstantParam(params, 'from');
    const toMs = parseInstantParam(params, 'to');
    if (toMs <= fromMs) {
      throw invalidParam('to must be later than from');
    }
    if (toMs - fromMs > HOLIDAY_WINDOW_MAX_MS) {
      throw invalidParam(`to must be within ${HOLIDAY_WINDOW_MAX_DAYS} days after from`);
    }
    return holidaysIn({ fromMs, toMs });
  });
}
