import { noPermission, notTalkUser } from '@app/kakao-sandbox/errors/kakao-error';
import type { AppRecord, UserRecord } from '@app/kakao-sandbox/state/models';

/** Talk and Talk Calendar APIs need a Kakao Talk account (-501). */
export function requireTalkUser(user: UserRecord): void {
  if (!user.talkUser) {
    throw notTalkUser();
  }
}

/** Without Kakao's permission only the app's team members may use Talk Calendar (2.4). */
export function requireCalendarPermission(app: AppRecord, user?: UserRecord): void {
  if (!app.calendarPermission && !(user?.teamMember ?? false)) {
    throw noPermission('the app has no Talk Calendar permission (only team members may call it)');
  }
}

/** Without the Social/Message permission only team members take part (2.4). */
export function requireMessagePermission(app: AppRecord, user: UserRecord): void {
  if (!app.messagePermission && !user.teamMember) {
    throw noPermission('the app has no Kakao Talk Social/Message permission');
  }
}
