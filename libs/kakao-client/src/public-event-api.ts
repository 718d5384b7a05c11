// Public events of the app's Kakao Talk Channel (contract 4.11–4.15, admin key) and following
// one (4.16, user token).

import { eventDetail, eventPage } from './calendar-api';
import { publicEventBody } from './event-body';
import { isKakaoApiError, KakaoErrorCode } from './kakao-api.error';
import { type AdminCallOptions, type CallOptions, type KakaoRequester } from './kakao-requester';
import {
  type EventBrief,
  type EventDetail,
  type EventPage,
  type PublicEventCreate,
  type PublicEventListQuery,
  type PublicEventUpdate,
  type RecurUpdateType,
} from './kakao.types';
import { followPages, itemsOfPages } from './paging';
import { echoedId } from './response-readers';
import { windowBound } from './time-grid';
import { paramsOfUrl } from './wire-encoding';

export interface ChannelCallOptions extends AdminCallOptions {
  /** Required when the app has more than one connected channel. */
  channelPublicId?: string;
}

export interface UpdatePublicEventOptions extends ChannelCallOptions {
  recurUpdateType?: RecurUpdateType;
}

export interface UpsertPublicEvent {
  /** The event to update; absent means "create". */
  eventId?: string;
  /** The full event, so that it can be created again when Kakao no longer has it. */
  event: PublicEventCreate;
}

export interface UpsertPublicEventResult {
  eventId: string;
  /** True when the event was created (no id, or the old one no longer exists). */
  created: boolean;
}

const PATH = {
  create: '/v2/api/calendar/public/create/event',
  list: '/v2/api/calendar/public/events',
  detail: '/v2/api/calendar/public/event',
  update: '/v2/api/calendar/public/update/event',
  delete: '/v2/api/calendar/public/delete/event',
  follow: '/v2/api/calendar/public/follow',
} as const;

export class PublicEventApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 4.11 Creates a public event of a connected channel; answers its id. */
  async createPublicEvent(event: PublicEventCreate, options?: ChannelCallOptions): Promise<string> {
    const body = await this.requester.admin(
      'POST',
      PATH.create,
      {
        channel_public_id: options?.channelPublicId,
        event: publicEventBody(event, this.requester.options.sendBanner),
      },
      options,
    );
    return echoedId(body, 'event_id', PATH.create);
  }

  /** 4.12 One page of the channel's public events in a window (≤ 31 days). */
  async listPublicEvents(
    query: PublicEventListQuery,
    options?: AdminCallOptions,
  ): Promise<EventPage> {
    const params = {
      channel_public_id: query.channel_public_id,
      from: windowBound(query.from, 'from'),
      to: windowBound(query.to, 'to'),
      limit: query.limit,
    };
    return eventPage(await this.requester.admin('GET', PATH.list, params, options));
  }

  /** 4.12 The page an `after_url` points to. */
  async listPublicEventsAfter(afterUrl: string, options?: AdminCallOptions): Promise<EventPage> {
    return eventPage(await this.requester.admin('GET', PATH.list, paramsOfUrl(afterUrl), options));
  }

  /** 4.12 Every public event of the query, following `after_url`. */
  publicEvents(
    query: PublicEventListQuery,
    options?: AdminCallOptions,
  ): AsyncGenerator<EventBrief, void, undefined> {
    const pages = followPages(
      () => this.listPublicEvents(query, options),
      (url) => this.listPublicEventsAfter(url, options),
    );
    return itemsOfPages(pages, (page) => page.events);
  }

  /** 4.13 A public event, with its banner when set. */
  async getPublicEvent(eventId: string, options?: ChannelCallOptions): Promise<EventDetail> {
    const body = await this.requester.admin(
      'GET',
      PATH.detail,
      { event_id: eventId, channel_public_id: options?.channelPublicId },
      options,
    );
    return eventDetail(body, PATH.detail);
  }

  /** 4.14 Changes a public event; followers see the change. */
  async updatePublicEvent(
    eventId: string,
    changes: PublicEventUpdate,
    options?: UpdatePublicEventOptions,
  ): Promise<string> {
    const body = await this.requester.admin(
      'POST',
      PATH.update,
      {
        event_id: eventId,
        channel_public_id: options?.channelPublicId,
        recur_update_type: options?.recurUpdateType,
        event: publicEventBody(changes, this.requester.options.sendBanner),
      },
      options,
    );
    return echoedId(body, 'event_id', PATH.update, eventId);
  }

  /** 4.15 Deletes a public event; it leaves followers' calendars too. */
  async deletePublicEvent(eventId: string, options?: UpdatePublicEventOptions): Promise<void> {
    await this.requester.admin(
      'DELETE',
      PATH.delete,
      {
        event_id: eventId,
        channel_public_id: options?.channelPublicId,
        recur_update_type: options?.recurUpdateType,
      },
      options,
    );
  }

  /**
   * 4.14 / 9.3: updates the event, or creates it when there is no id or Kakao no longer has it.
   * An update rejected with `-2` or HTTP 404 is only treated as "gone" after a detail lookup
   * confirms it, since `-2` also means invalid input.
   */
  async upsertPublicEvent(
    input: UpsertPublicEvent,
    options?: UpdatePublicEventOptions,
  ): Promise<UpsertPublicEventResult> {
    if (input.eventId === undefined) {
      return { eventId: await this.createPublicEvent(input.event, options), created: true };
    }
    try {
      const eventId = await this.updatePublicEvent(input.eventId, input.event, options);
      return { eventId, created: false };
    } catch (error) {
      if (!isGoneAnswer(error) || (await this.exists(input.eventId, options))) {
        throw error;
      }
    }
    return { eventId: await this.createPublicEvent(input.event, options), created: true };
  }

  /** 4.16 Adds a public event to the user's calendar (idempotent). */
  async followPublicEvent(accessToken: string, eventId: string, call?: CallOptions): Promise<void> {
    await this.requester.user(accessToken, 'POST', PATH.follow, { event_id: eventId }, call);
  }

  private async exists(eventId: string, options?: ChannelCallOptions): Promise<boolean> {
    try {
      await this.getPublicEvent(eventId, options);
      return true;
    } catch (error) {
      if (isGoneAnswer(error)) {
        return false;
      }
      throw error;
    }
  }
}

/** Kakao has no not-found code: unknown ids answer `-2` (9.3); some paths answer HTTP 404. */
function isGoneAnswer(error: unknown): boolean {
  return (
    isKakaoApiError(error) &&
    (error.status === 404 || error.code === KakaoErrorCode.InvalidParameter)
  );
}
