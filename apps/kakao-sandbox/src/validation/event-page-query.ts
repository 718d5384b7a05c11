import type { EventPageQuery } from '@app/kakao-sandbox/calendar/event-listing';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { decodePageToken, tokenNumber, tokenString } from '@app/kakao-sandbox/paging/page-token';
import {
  EVENT_LIMIT,
  MAX_LIST_WINDOW_MS,
  parseLimit,
  resolveWindow,
} from '@app/kakao-sandbox/validation/list-window';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';

/**
 * Query of an event list (4.6, 4.12). With `next_page_token` every filter comes from the token;
 * otherwise from `calendar_id` / `channel_public_id`, the window and `limit`.
 */
export function parseEventPageQuery(
  params: RequestParams,
  tokenKind: string,
  nowMs: number,
): EventPageQuery {
  const token = params.optionalString('next_page_token');
  if (token !== undefined) {
    const query = decodePageToken(tokenKind, token);
    const decoded: EventPageQuery = {
      calendarId: tokenString(query, 'c'),
      channelPublicId: tokenString(query, 'ch'),
      fromMs: tokenNumber(query, 'f'),
      toMs: tokenNumber(query, 't'),
      limit: tokenNumber(query, 'l'),
      offset: tokenNumber(query, 'o'),
    };
    const windowOk =
      decoded.toMs > decoded.fromMs && decoded.toMs - decoded.fromMs <= MAX_LIST_WINDOW_MS;
    const limitOk = decoded.limit >= EVENT_LIMIT.min && decoded.limit <= EVENT_LIMIT.max;
    if (!windowOk || !limitOk || decoded.offset < 0) {
      throw invalidParam('next_page_token is invalid');
    }
    return decoded;
  }
  const window = resolveWindow(params, nowMs);
  return {
    calendarId: params.optionalString('calendar_id'),
    channelPublicId: params.optionalString('channel_public_id'),
    fromMs: window.fromMs,
    toMs: window.toMs,
    limit: parseLimit(params, EVENT_LIMIT),
    offset: 0,
  };
}
