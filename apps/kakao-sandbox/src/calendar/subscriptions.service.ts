import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import {
  type SubscribeCalendarWire,
  toSubscribeCalendarWire,
} from '@app/kakao-sandbox/calendar/calendar-view';
import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import { invalidParam, notFound } from '@app/kakao-sandbox/errors/kakao-error';
import type {
  AppRecord,
  SubscribeCalendarRecord,
  UserRecord,
} from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { StatsRecorder } from '@app/kakao-sandbox/stats/stats-recorder';

/** Subscribe calendars: the admin list (4.17) and a user's subscribe / unsubscribe (4.18, 4.19). */
export class SubscriptionsService {
  constructor(
    private readonly context: SandboxContext,
    private readonly stats: StatsRecorder,
  ) {}

  /** Subscribe calendars of the channels connected to the app. */
  subscribable(
    app: AppRecord,
    channelPublicId: string | undefined,
  ): { subscribe_calendars: SubscribeCalendarWire[] } {
    if (channelPublicId !== undefined && !app.channelPublicIds.includes(channelPublicId)) {
      throw invalidParam('channel_public_id is not a channel connected to this app');
    }
    const calendars: SubscribeCalendarWire[] = [];
    for (const id of app.subscribeCalendarIds) {
      const calendar = this.context.state.subscribeCalendars.get(id);
      const connected = calendar && app.channelPublicIds.includes(calendar.channelPublicId);
      if (
        connected &&
        (channelPublicId === undefined || calendar.channelPublicId === channelPublicId)
      ) {
        calendars.push(toSubscribeCalendarWire(calendar));
      }
    }
    return { subscribe_calendars: calendars };
  }

  subscribeCaller(caller: UserCaller, calendarId: string): { calendar_id: string } {
    this.subscribe(caller.user, this.find(calendarId));
    return { calendar_id: calendarId };
  }

  unsubscribeCaller(caller: UserCaller, calendarId: string): { calendar_id: string } {
    const calendar = this.find(calendarId);
    const data = calendarDataOf(this.context.state, caller.user.id);
    if (!data.subscribedCalendarIds.has(calendar.id)) {
      throw invalidParam('the user is not subscribed to this calendar');
    }
    data.subscribedCalendarIds.delete(calendar.id);
    calendar.subscribers.delete(caller.user.id);
    this.stats.unsubscribe(calendar.appId, calendar.id);
    return { calendar_id: calendarId };
  }

  /** Idempotent; answers whether this was a new subscription. */
  subscribe(user: UserRecord, calendar: SubscribeCalendarRecord): boolean {
    const data = calendarDataOf(this.context.state, user.id);
    if (data.subscribedCalendarIds.has(calendar.id)) {
      return false;
    }
    data.subscribedCalendarIds.add(calendar.id);
    calendar.subscribers.set(user.id, this.context.now());
    this.stats.subscribe(calendar.appId, calendar.id);
    return true;
  }

  find(calendarId: string): SubscribeCalendarRecord {
    const calendar = this.context.state.subscribeCalendars.get(calendarId);
    if (!calendar) {
      throw notFound('subscribe calendar');
    }
    return calendar;
  }
}
