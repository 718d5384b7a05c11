import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';
import type { HourCounts, TargetStats } from '@app/kakao-sandbox/stats/stats-data';

export interface TargetTimelineEntry {
  hour: string;
  follows?: number;
  subscriptions?: number;
  unsubscriptions?: number;
  fixed_taps: number;
  custom_taps: number;
}

export interface PublicEventStats {
  event_id: string;
  channel_public_id?: string;
  title?: string;
  deleted: boolean;
  followers: number;
  follows: number;
  fixed_taps: number;
  custom_taps: number;
  timeline: TargetTimelineEntry[];
}

export interface SubscribeCalendarStats {
  calendar_id: string;
  channel_public_id?: string;
  name?: string;
  subscribers: number;
  subscriptions: number;
  unsubscriptions: number;
  fixed_taps: number;
  custom_taps: number;
  timeline: TargetTimelineEntry[];
}

export interface StatsReport {
  app_id?: number;
  totals: {
    messages_delivered: number;
    messages_to_me: number;
    messages_to_friends: number;
    follows: number;
    subscriptions: number;
    unsubscriptions: number;
    fixed_taps: number;
    custom_taps: number;
  };
  messages: {
    delivered: number;
    to_me: number;
    to_friends: number;
    timeline: { hour: string; delivered: number }[];
  };
  public_events: PublicEventStats[];
  subscribe_calendars: SubscribeCalendarStats[];
}

const EMPTY_COUNTS: HourCounts = {
  follows: 0,
  subscribes: 0,
  unsubscribes: 0,
  fixedTaps: 0,
  customTaps: 0,
};

function hourIso(hour: number): string {
  return new Date(hour).toISOString();
}

function sum(target: TargetStats | undefined): HourCounts {
  const total = { ...EMPTY_COUNTS };
  for (const counts of target?.hours.values() ?? []) {
    total.follows += counts.follows;
    total.subscribes += counts.subscribes;
    total.unsubscribes += counts.unsubscribes;
    total.fixedTaps += counts.fixedTaps;
    total.customTaps += counts.customTaps;
  }
  return total;
}

function timeline(
  target: TargetStats | undefined,
  kind: 'event' | 'calendar',
): TargetTimelineEntry[] {
  return [...(target?.hours ?? new Map<number, HourCounts>())]
    .sort(([a], [b]) => a - b)
    .map(([hour, counts]) =>
      kind === 'event'
        ? {
            hour: hourIso(hour),
            follows: counts.follows,
            fixed_taps: counts.fixedTaps,
            custom_taps: counts.customTaps,
          }
        : {
            hour: hourIso(hour),
            subscriptions: counts.subscribes,
            unsubscriptions: counts.unsubscribes,
            fixed_taps: counts.fixedTaps,
            custom_taps: counts.customTaps,
          },
    );
}

/**
 * Reach per public event and subscribe calendar with hourly timelines, plus message totals, for
 * one app or all of them. Live events and calendars are listed even without activity.
 */
export function buildStatsReport(state: SandboxState, appId: number | undefined): StatsReport {
  const inScope = (id: number): boolean => appId === undefined || id === appId;
  const eventIds = new Set<string>();
  const calendarIds = new Set<string>();
  for (const channel of state.channels.values()) {
    if (inScope(channel.appId)) {
      channel.eventIds.forEach((id) => eventIds.add(id));
    }
  }
  for (const calendar of state.subscribeCalendars.values()) {
    if (inScope(calendar.appId)) {
      calendarIds.add(calendar.id);
    }
  }
  let templateCustomTaps = 0;
  for (const target of state.stats.targets.values()) {
    if (!inScope(target.appId)) {
      continue;
    }
    if (target.kind === 'event') {
      eventIds.add(target.targetId);
    } else if (target.kind === 'calendar') {
      calendarIds.add(target.targetId);
    } else {
      templateCustomTaps += sum(target).customTaps;
    }
  }

  const publicEvents = [...eventIds].map((id): PublicEventStats => {
    const event = state.events.get(id);
    const target = state.stats.targets.get(`event:${id}`);
    const total = sum(target);
    return {
      event_id: id,
      channel_public_id: event?.channelPublicId,
      title: event?.title,
      deleted: event === undefined,
      followers: event?.followers.size ?? 0,
      follows: total.follows,
      fixed_taps: total.fixedTaps,
      custom_taps: total.customTaps,
      timeline: timeline(target, 'event'),
    };
  });
  const subscribeCalendars = [...calendarIds].map((id): SubscribeCalendarStats => {
    const calendar = state.subscribeCalendars.get(id);
    const target = state.stats.targets.get(`calendar:${id}`);
    const total = sum(target);
    return {
      calendar_id: id,
      channel_public_id: calendar?.channelPublicId,
      name: calendar?.name,
      subscribers: calendar?.subscribers.size ?? 0,
      subscriptions: total.subscribes,
      unsubscriptions: total.unsubscribes,
      fixed_taps: total.fixedTaps,
      custom_taps: total.customTaps,
      timeline: timeline(target, 'calendar'),
    };
  });

  const deliveries = { delivered: 0, toMe: 0, toFriends: 0, hours: new Map<number, number>() };
  for (const [id, stats] of state.stats.deliveriesByApp) {
    if (!inScope(id)) {
      continue;
    }
    deliveries.delivered += stats.total;
    deliveries.toMe += stats.memo;
    deliveries.toFriends += stats.friends;
    for (const [hour, count] of stats.hours) {
      deliveries.hours.set(hour, (deliveries.hours.get(hour) ?? 0) + count);
    }
  }
  const add = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    app_id: appId,
    totals: {
      messages_delivered: deliveries.delivered,
      messages_to_me: deliveries.toMe,
      messages_to_friends: deliveries.toFriends,
      follows: add(publicEvents.map((e) => e.follows)),
      subscriptions: add(subscribeCalendars.map((c) => c.subscriptions)),
      unsubscriptions: add(subscribeCalendars.map((c) => c.unsubscriptions)),
      fixed_taps: add([...publicEvents, ...subscribeCalendars].map((t) => t.fixed_taps)),
      custom_taps:
        add([...publicEvents, ...subscribeCalendars].map((t) => t.custom_taps)) +
        templateCustomTaps,
    },
    messages: {
      delivered: deliveries.delivered,
      to_me: deliveries.toMe,
      to_friends: deliveries.toFriends,
      timeline: [...deliveries.hours]
        .sort(([a], [b]) => a - b)
        .map(([hour, delivered]) => ({ hour: hourIso(hour), delivered })),
    },
    public_events: publicEvents,
    subscribe_calendars: subscribeCalendars,
  };
}
