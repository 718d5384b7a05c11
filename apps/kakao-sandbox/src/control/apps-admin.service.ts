import { loginConsentItemsOf } from '@app/kakao-sandbox/auth/scopes';
import { insertEvent } from '@app/kakao-sandbox/calendar/event-store';
import { buildEventRecord } from '@app/kakao-sandbox/calendar/events.service';
import type { AppInput, SubscribeCalendarInput } from '@app/kakao-sandbox/control/control-input';
import { controlNotFound, invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { QuotaLimits } from '@app/kakao-sandbox/quota/quota-limits';
import {
  newAppKey,
  newChannelPublicId,
  newSubscribeCalendarId,
  randomToken,
} from '@app/kakao-sandbox/state/ids';
import type { AppRecord, SubscribeCalendarRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { parseEventCreate } from '@app/kakao-sandbox/validation/event-input';

export interface AppWire {
  app_id: number;
  name: string;
  rest_api_key: string;
  admin_key: string;
  client_secret: string;
  channels: { channel_public_id: string; name: string; channel_uuid: string }[];
  subscribe_calendars: { id: string; name: string; channel_public_id: string }[];
  permissions: { calendar: boolean; message: boolean };
  quotas: {
    talk_calendar_daily: number;
    talk_message_daily: number;
    sender_daily: number;
    recipient_daily: number;
    pair_daily: number;
  };
  redirect_uris: string[];
  require_client_secret: boolean;
  consent_items: string[];
  user_count: number;
}

function quotasWire(quotas: QuotaLimits): AppWire['quotas'] {
  return {
    talk_calendar_daily: quotas.talkCalendarDaily,
    talk_message_daily: quotas.talkMessageDaily,
    sender_daily: quotas.senderDaily,
    recipient_daily: quotas.recipientDaily,
    pair_daily: quotas.pairDaily,
  };
}

/** Apps with their channels and subscribe-calendar fixtures (control API). */
export class AppsAdminService {
  constructor(private readonly context: SandboxContext) {}

  create(input: AppInput): AppWire {
    const { state } = this.context;
    const now = this.context.now();
    const publicIds = input.channels
      .map((channel) => channel.publicId)
      .filter((id) => id !== undefined);
    if (
      new Set(publicIds).size !== publicIds.length ||
      publicIds.some((id) => state.channels.has(id))
    ) {
      throw invalidParam('channel public_id already exists');
    }
    const id = state.nextAppId;
    state.nextAppId += 1;
    const app: AppRecord = {
      id,
      name: input.name ?? `Sandbox app ${id}`,
      restApiKey: newAppKey(),
      adminKey: newAppKey(),
      clientSecret: randomToken(32),
      requireClientSecret: input.requireClientSecret,
      calendarPermission: input.calendarPermission,
      messagePermission: input.messagePermission,
      channelPublicIds: [],
      subscribeCalendarIds: [],
      redirectUris: input.redirectUris,
      loginConsentItems: input.loginConsentItems,
      quotas: { ...this.context.defaultQuotas, ...input.quotas },
      userIds: [],
      createdAt: now,
    };
    // Validate the fixtures before anything is stored, so a bad body leaves no half app.
    const channelIds = input.channels.map((channel) => {
      let publicId = channel.publicId;
      while (publicId === undefined || state.channels.has(publicId)) {
        publicId = newChannelPublicId();
      }
      return publicId;
    });
    const calendars = input.subscribeCalendars.map((calendar) => ({
      calendar,
      channelPublicId: this.calendarChannel(calendar, channelIds),
      events: calendar.events.map((raw) => parseEventCreate(raw, { publicExtras: false })),
    }));
    input.channels.forEach((channel, index) => {
      const publicId = channelIds[index];
      state.channels.set(publicId, {
        publicId,
        uuid: `@${(channel.name ?? publicId.slice(1)).replace(/\s+/g, '').toLowerCase()}`,
        name: channel.name ?? `Channel ${publicId}`,
        appId: id,
        sanctioned: channel.sanctioned,
        eventIds: new Set(),
        createdAt: now,
      });
      app.channelPublicIds.push(publicId);
    });
    state.apps.set(id, app);
    state.appIdByRestKey.set(app.restApiKey, id);
    state.appIdByAdminKey.set(app.adminKey, id);
    for (const { calendar, channelPublicId, events } of calendars) {
      const record = this.storeSubscribeCalendar(app, calendar, channelPublicId);
      for (const event of events) {
        insertEvent(
          state,
          buildEventRecord(
            { kind: 'SUBSCRIBE', appId: id, calendarId: record.id, channelPublicId },
            event,
            now,
          ),
        );
      }
    }
    return this.toWire(app);
  }

  list(): { apps: AppWire[] } {
    return { apps: [...this.context.state.apps.values()].map((app) => this.toWire(app)) };
  }

  get(appId: number | undefined): AppWire {
    return this.toWire(this.find(appId));
  }

  find(appId: number | undefined): AppRecord {
    const app = appId === undefined ? undefined : this.context.state.apps.get(appId);
    if (!app) {
      throw controlNotFound('app');
    }
    return app;
  }

  /** Adds an event to a subscribe calendar, as the channel does through Kakao's tools. */
  addSubscribeEvent(calendarId: string, rawEvent: unknown): { event_id: string } {
    const { state } = this.context;
    const calendar = state.subscribeCalendars.get(calendarId);
    if (!calendar) {
      throw controlNotFound('subscribe calendar');
    }
    const input = parseEventCreate(rawEvent, { publicExtras: false });
    const event = buildEventRecord(
      {
        kind: 'SUBSCRIBE',
        appId: calendar.appId,
        calendarId: calendar.id,
        channelPublicId: calendar.channelPublicId,
      },
      input,
      this.context.now(),
    );
    insertEvent(state, event);
    return { event_id: event.id };
  }

  toWire(app: AppRecord): AppWire {
    const { state } = this.context;
    return {
      app_id: app.id,
      name: app.name,
      rest_api_key: app.restApiKey,
      admin_key: app.adminKey,
      client_secret: app.clientSecret,
      channels: app.channelPublicIds.map((publicId) => {
        const channel = state.channels.get(publicId);
        return {
          channel_public_id: publicId,
          name: channel?.name ?? publicId,
          channel_uuid: channel?.uuid ?? publicId,
        };
      }),
      subscribe_calendars: app.subscribeCalendarIds.flatMap((calendarId) => {
        const calendar = state.subscribeCalendars.get(calendarId);
        return calendar
          ? [{ id: calendar.id, name: calendar.name, channel_public_id: calendar.channelPublicId }]
          : [];
      }),
      permissions: { calendar: app.calendarPermission, message: app.messagePermission },
      quotas: quotasWire(app.quotas),
      redirect_uris: app.redirectUris,
      require_client_secret: app.requireClientSecret,
      consent_items: [...loginConsentItemsOf(app)],
      user_count: app.userIds.length,
    };
  }

  private calendarChannel(calendar: SubscribeCalendarInput, channelIds: readonly string[]): string {
    if (calendar.channelPublicId === undefined) {
      if (channelIds.length === 0) {
        throw invalidParam('a subscribe calendar needs a channel: add one under channels');
      }
      return channelIds[0];
    }
    if (!channelIds.includes(calendar.channelPublicId)) {
      throw invalidParam(
        `subscribe calendar channel ${calendar.channelPublicId} is not one of this app's channels`,
      );
    }
    return calendar.channelPublicId;
  }

  private storeSubscribeCalendar(
    app: AppRecord,
    input: SubscribeCalendarInput,
    channelPublicId: string,
  ): SubscribeCalendarRecord {
    const record: SubscribeCalendarRecord = {
      id: newSubscribeCalendarId(),
      appId: app.id,
      channelPublicId,
      name: input.name,
      color: input.color,
      reminder: input.reminder,
      reminderAllDay: input.reminderAllDay,
      description: input.description,
      profileImageUrl: input.profileImageUrl,
      thumbnailUrl: input.thumbnailUrl,
      subscribers: new Map(),
      eventIds: new Set(),
    };
    this.context.state.subscribeCalendars.set(record.id, record);
    app.subscribeCalendarIds.push(record.id);
    return record;
  }
}
