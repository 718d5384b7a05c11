import type { AdminCaller, AuthService, UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import {
  requireCalendarPermission,
  requireMessagePermission,
  requireTalkUser,
} from '@app/kakao-sandbox/auth/permissions';
import type { QuotaService } from '@app/kakao-sandbox/quota/quota.service';

type Header = string | string[] | undefined;

/**
 * The checks every call of an API family goes through, in one order: credentials (-401),
 * consent (-402), Kakao Talk account (-501), app permission (-5), daily quota (-10).
 */
export class ApiGate {
  constructor(
    private readonly auth: AuthService,
    private readonly quota: QuotaService,
  ) {}

  calendarUser(header: Header, family: 'talkCalendar' | 'talkCalendarTask'): UserCaller {
    const caller = this.auth.user(header, family);
    requireTalkUser(caller.user);
    requireCalendarPermission(caller.app, caller.user);
    this.quota.consumeCalendarCall(caller.app);
    return caller;
  }

  /** Admin-key Talk Calendar calls; public events and subscribe calendars need the permission. */
  calendarAdmin(header: Header, needsPermission: boolean): AdminCaller {
    const caller = this.auth.admin(header);
    if (needsPermission) {
      requireCalendarPermission(caller.app);
    }
    this.quota.consumeCalendarCall(caller.app);
    return caller;
  }

  /** Send to me needs no app permission; send to friends needs the Social/Message one. */
  messageUser(header: Header, needsPermission: boolean): UserCaller {
    const caller = this.auth.user(header, 'talkMessage');
    requireTalkUser(caller.user);
    if (needsPermission) {
      requireMessagePermission(caller.app, caller.user);
    }
    this.quota.consumeMessageCall(caller.app);
    return caller;
  }

  friendsUser(header: Header): UserCaller {
    const caller = this.auth.user(header, 'friends');
    requireTalkUser(caller.user);
    requireMessagePermission(caller.app, caller.user);
    return caller;
  }
}
