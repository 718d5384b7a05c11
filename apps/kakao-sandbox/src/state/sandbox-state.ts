import { DeliveryLog } from '@app/kakao-sandbox/messaging/delivery-log';
import {
  createTemplateTableData,
  type TemplateTableData,
} from '@app/kakao-sandbox/messaging/template-table';
import {
  createDailyCountersData,
  type DailyCountersData,
} from '@app/kakao-sandbox/quota/daily-counters';
import {
  type AccessTokenRecord,
  type AppRecord,
  type AuthCodeRecord,
  type ChannelRecord,
  type ChannelRelationRecord,
  type EventRecord,
  type RefreshTokenRecord,
  type SubscribeCalendarRecord,
  type TaskRecord,
  type UserCalendarData,
  type UserRecord,
} from '@app/kakao-sandbox/state/models';
import { createStatsData, type StatsData } from '@app/kakao-sandbox/stats/stats-data';

export const STATE_VERSION = 1;

/** Everything the sandbox knows; one object so reset and persistence treat it as a whole. */
export interface SandboxState {
  version: typeof STATE_VERSION;
  clockOffsetMs: number;
  nextAppId: number;
  nextUserId: number;
  apps: Map<number, AppRecord>;
  appIdByRestKey: Map<string, number>;
  appIdByAdminKey: Map<string, number>;
  channels: Map<string, ChannelRecord>;
  users: Map<number, UserRecord>;
  userIdByUuid: Map<string, number>;
  /** user id → (friend user id → favourite); kept apart so users without friends cost nothing */
  friendships: Map<number, Map<number, boolean>>;
  /** user id → (channel public id → relation) */
  channelRelations: Map<number, Map<string, ChannelRelationRecord>>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  authCodes: Map<string, AuthCodeRecord>;
  calendars: Map<number, UserCalendarData>;
  subscribeCalendars: Map<string, SubscribeCalendarRecord>;
  events: Map<string, EventRecord>;
  tasks: Map<string, TaskRecord>;
  templates: TemplateTableData;
  deliveries: DeliveryLog;
  /** recipient user id → rows of the delivery log */
  inboxes: Map<number, number[]>;
  quota: DailyCountersData;
  stats: StatsData;
}

export function createEmptyState(): SandboxState {
  return {
    version: STATE_VERSION,
    clockOffsetMs: 0,
    nextAppId: 100001,
    nextUserId: 1000000001,
    apps: new Map(),
    appIdByRestKey: new Map(),
    appIdByAdminKey: new Map(),
    channels: new Map(),
    users: new Map(),
    userIdByUuid: new Map(),
    friendships: new Map(),
    channelRelations: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    authCodes: new Map(),
    calendars: new Map(),
    subscribeCalendars: new Map(),
    events: new Map(),
    tasks: new Map(),
    templates: createTemplateTableData(),
    deliveries: new DeliveryLog(),
    inboxes: new Map(),
    quota: createDailyCountersData(),
    stats: createStatsData(),
  };
}
