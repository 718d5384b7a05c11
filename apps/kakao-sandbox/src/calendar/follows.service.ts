import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import type { EventRecord, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { StatsRecorder } from '@app/kakao-sandbox/stats/stats-recorder';

/** A user adding a public event to their calendar (4.16), by API or by a message tap. */
export class FollowsService {
  constructor(
    private readonly context: SandboxContext,
    private readonly stats: StatsRecorder,
  ) {}

  /** Idempotent; answers whether this was a new follow. Exceptions of a series come along. */
  follow(user: UserRecord, event: EventRecord): boolean {
    const { state } = this.context;
    if (event.followers.has(user.id)) {
      return false;
    }
    const now = this.context.now();
    const data = calendarDataOf(state, user.id);
    event.followers.set(user.id, now);
    data.followedEventIds.add(event.id);
    for (const exceptionId of event.exceptionIds) {
      const exception = state.events.get(exceptionId);
      if (exception && !exception.followers.has(user.id)) {
        exception.followers.set(user.id, now);
        data.followedEventIds.add(exception.id);
      }
    }
    this.stats.follow(event.appId, event.id);
    return true;
  }
}
