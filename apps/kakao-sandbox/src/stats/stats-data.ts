/** `template` collects custom-button clicks of non-calendar templates. */
export type StatsTargetKind = 'event' | 'calendar' | 'template';

export interface HourCounts {
  follows: number;
  subscribes: number;
  unsubscribes: number;
  fixedTaps: number;
  customTaps: number;
}

/** Reach of one public event or subscribe calendar, bucketed per hour (epoch ms of the hour). */
export interface TargetStats {
  kind: StatsTargetKind;
  appId: number;
  targetId: string;
  hours: Map<number, HourCounts>;
}

export interface DeliveryStats {
  total: number;
  memo: number;
  friends: number;
  hours: Map<number, number>;
}

export interface StatsData {
  targets: Map<string, TargetStats>;
  deliveriesByApp: Map<number, DeliveryStats>;
}

export function createStatsData(): StatsData {
  return { targets: new Map(), deliveriesByApp: new Map() };
}
