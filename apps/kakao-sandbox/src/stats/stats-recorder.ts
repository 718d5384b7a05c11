import type { DeliveryChannel } from '@app/kakao-sandbox/messaging/delivery-log';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { HourCounts, StatsTargetKind, TargetStats } from '@app/kakao-sandbox/stats/stats-data';

const HOUR_MS = 3_600_000;

export type TapButton = 'fixed' | 'custom';

export function hourOf(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
}

/** Records reach (follows, subscriptions, taps, deliveries) in hourly buckets for `/__sandbox/stats`. */
export class StatsRecorder {
  constructor(private readonly context: SandboxContext) {}

  follow(appId: number, eventId: string): void {
    this.bump('event', appId, eventId, 'follows');
  }

  subscribe(appId: number, calendarId: string): void {
    this.bump('calendar', appId, calendarId, 'subscribes');
  }

  unsubscribe(appId: number, calendarId: string): void {
    this.bump('calendar', appId, calendarId, 'unsubscribes');
  }

  tap(kind: StatsTargetKind, appId: number, targetId: string, button: TapButton): void {
    this.bump(kind, appId, targetId, button === 'fixed' ? 'fixedTaps' : 'customTaps');
  }

  delivered(appId: number, channel: DeliveryChannel, count: number): void {
    const byApp = this.context.state.stats.deliveriesByApp;
    let stats = byApp.get(appId);
    if (!stats) {
      stats = { total: 0, memo: 0, friends: 0, hours: new Map() };
      byApp.set(appId, stats);
    }
    stats.total += count;
    stats[channel] += count;
    const hour = hourOf(this.context.now());
    stats.hours.set(hour, (stats.hours.get(hour) ?? 0) + count);
  }

  private bump(
    kind: StatsTargetKind,
    appId: number,
    targetId: string,
    field: keyof HourCounts,
  ): void {
    const targets = this.context.state.stats.targets;
    const key = `${kind}:${targetId}`;
    let target: TargetStats | undefined = targets.get(key);
    if (!target) {
      target = { kind, appId, targetId, hours: new Map() };
      targets.set(key, target);
    }
    const hour = hourOf(this.context.now());
    let counts = target.hours.get(hour);
    if (!counts) {
      counts = { follows: 0, subscribes: 0, unsubscribes: 0, fixedTaps: 0, customTaps: 0 };
      target.hours.set(hour, counts);
    }
    counts[field] += 1;
  }
}
