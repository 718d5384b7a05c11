import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import {
  type EventPage,
  type EventPageQuery,
  occurrencesInWindow,
  pageEvents,
  type ViewedEvent,
} from '@app/kakao-sandbox/calendar/event-listing';
import {
  type EventRef,
  insertEvent,
  resolveEventRef,
} from '@app/kakao-sandbox/calendar/event-store';
import { type EventDetail, toEventDetail, viewerFor } from '@app/kakao-sandbox/calendar/event-view';
import { buildEventRecord } from '@app/kakao-sandbox/calendar/events.service';
import type { FollowsService } from '@app/kakao-sandbox/calendar/follows.service';
import { type RecurUpdateType, SeriesEditor } from '@app/kakao-sandbox/calendar/series-editor';
import {
  invalidParam,
  notAllowed,
  notFound,
  prerequisiteMissing,
} from '@app/kakao-sandbox/errors/kakao-error';
import type { AppRecord, ChannelRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { EventCreateInput, EventPatch } from '@app/kakao-sandbox/validation/event-input';

export const PUBLIC_EVENTS_TOKEN = 'public_events';

/** Public events of the app's channels (4.11–4.15) and users following them (4.16). */
export class PublicEventsService {
  private readonly editor: SeriesEditor;

  constructor(
    private readonly context: SandboxContext,
    private readonly follows: FollowsService,
  ) {
    this.editor = new SeriesEditor(context);
  }

  create(
    app: AppRecord,
    channelPublicId: string | undefined,
    input: EventCreateInput,
  ): { event_id: string } {
    const channel = this.channelFor(app, channelPublicId);
    const event = buildEventRecord(
      {
        kind: 'PUBLIC',
        appId: app.id,
        calendarId: channel.publicId,
        channelPublicId: channel.publicId,
      },
      input,
      this.context.now(),
    );
    insertEvent(this.context.state, event);
    return { event_id: event.id };
  }

  list(
    app: AppRecord,
    query: EventPageQuery,
    listUrl: { baseUrl: string; path: string },
  ): EventPage {
    const { state } = this.context;
    if (app.channelPublicIds.length === 0) {
      throw prerequisiteMissing('no Kakao Talk Channel is connected to the app');
    }
    if (
      query.channelPublicId !== undefined &&
      !app.channelPublicIds.includes(query.channelPublicId)
    ) {
      throw invalidParam('channel_public_id is not a channel connected to this app');
    }
    const viewed: ViewedEvent[] = [];
    for (const publicId of app.channelPublicIds) {
      if (query.channelPublicId !== undefined && publicId !== query.channelPublicId) {
        continue;
      }
      for (const eventId of state.channels.get(publicId)?.eventIds ?? []) {
        const event = state.events.get(eventId);
        if (event) {
          viewed.push({ event, viewer: viewerFor(state, event) });
        }
      }
    }
    const all = occurrencesInWindow(viewed, { fromMs: query.fromMs, toMs: query.toMs });
    return pageEvents(all, query, PUBLIC_EVENTS_TOKEN, listUrl);
  }

  detail(
    app: AppRecord,
    eventId: string,
    channelPublicId: string | undefined,
  ): { event: EventDetail } {
    const { state } = this.context;
    const ref = this.publicRef(app, eventId, channelPublicId);
    const start = ref.occurrenceStartMs ?? ref.event.time.startMs;
    return { event: toEventDetail(state, ref.event, start, viewerFor(state, ref.event)) };
  }

  update(
    app: AppRecord,
    eventId: string,
    channelPublicId: string | undefined,
    type: RecurUpdateType | undefined,
    patch: EventPatch,
  ): { event_id: string } {
    const ref = this.publicRef(app, eventId, channelPublicId);
    return { event_id: this.editor.update(ref, type, patch) };
  }

  /** The event also disappears from its followers' calendars (4.15). */
  delete(
    app: AppRecord,
    eventId: string,
    channelPublicId: string | undefined,
    type: RecurUpdateType | undefined,
  ): { event_id: string } {
    this.editor.remove(this.publicRef(app, eventId, channelPublicId), type);
    return { event_id: eventId };
  }

  follow(caller: UserCaller, eventId: string): { event_id: string } {
    const ref = resolveEventRef(this.context.state, eventId);
    if (!ref || ref.event.kind !== 'PUBLIC') {
      throw notFound('public event');
    }
    this.follows.follow(caller.user, ref.event);
    return { event_id: eventId };
  }

  /** The channel a new public event belongs to (4.11). */
  private channelFor(app: AppRecord, channelPublicId: string | undefined): ChannelRecord {
    const { state } = this.context;
    if (app.channelPublicIds.length === 0) {
      throw prerequisiteMissing('no Kakao Talk Channel is connected to the app');
    }
    if (channelPublicId === undefined) {
      if (app.channelPublicIds.length > 1) {
        throw invalidParam('channel_public_id is required when the app has several channels');
      }
      channelPublicId = app.channelPublicIds[0];
    }
    const channel = state.channels.get(channelPublicId);
    if (!channel || !app.channelPublicIds.includes(channelPublicId)) {
      throw invalidParam('channel_public_id is not a channel connected to this app');
    }
    return channel;
  }

  private publicRef(
    app: AppRecord,
    eventId: string,
    channelPublicId: string | undefined,
  ): EventRef {
    const ref = resolveEventRef(this.context.state, eventId);
    if (!ref || ref.event.kind !== 'PUBLIC') {
      throw notFound('public event');
    }
    if (ref.event.appId !== app.id) {
      throw notAllowed('this public event belongs to another app');
    }
    if (channelPublicId !== undefined && ref.event.channelPublicId !== channelPublicId) {
      throw notFound('public event of this channel');
    }
    return ref;
  }
}
