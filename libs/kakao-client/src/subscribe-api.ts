// Subscribe calendars of the app's channels (contract 4.17, admin key) and a user's subscription
// (4.18 POST, 4.19 DELETE with the id in the query string; user token; 11.1).

import { type AdminCallOptions, type CallOptions, type KakaoRequester } from './kakao-requester';
import { type SubscribeCalendar } from './kakao.types';
import { listOf } from './response-readers';

export interface SubscribableCalendarsOptions extends AdminCallOptions {
  channelPublicId?: string;
}

const PATH = {
  subscribable: '/v2/api/calendar/subscribable/calendars',
  subscribe: '/v2/api/calendar/subscribe',
  unsubscribe: '/v2/api/calendar/unsubscribe',
} as const;

export class SubscribeApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 4.17 Subscribe calendars of the channels connected to the app. */
  async listSubscribableCalendars(
    options?: SubscribableCalendarsOptions,
  ): Promise<SubscribeCalendar[]> {
    const body = await this.requester.admin(
      'GET',
      PATH.subscribable,
      { channel_public_id: options?.channelPublicId },
      options,
    );
    // 11.2: the key is unconfirmed, so read `calendars` when `subscribe_calendars` is absent.
    return listOf(body.subscribe_calendars ?? body.calendars);
  }

  /** 4.18 Subscribes the user to a subscribe calendar (idempotent). */
  async subscribe(accessToken: string, calendarId: string, call?: CallOptions): Promise<void> {
    await this.requester.user(
      accessToken,
      'POST',
      PATH.subscribe,
      { calendar_id: calendarId },
      call,
    );
  }

  /** 4.19 Ends the user's subscription. */
  async unsubscribe(accessToken: string, calendarId: string, call?: CallOptions): Promise<void> {
    await this.requester.user(
      accessToken,
      'DELETE',
      PATH.unsubscribe,
      { calendar_id: calendarId },
      call,
    );
  }
}
