import { resolveEventRef } from '@app/kakao-sandbox/calendar/event-store';
import type { FollowsService } from '@app/kakao-sandbox/calendar/follows.service';
import type { SubscriptionsService } from '@app/kakao-sandbox/calendar/subscriptions.service';
import { controlNotFound, invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { type DeliveryChannel, DeliveryLog } from '@app/kakao-sandbox/messaging/delivery-log';
import type { TemplateObjectType } from '@app/kakao-sandbox/messaging/template-table';
import type { UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { StatsRecorder, TapButton } from '@app/kakao-sandbox/stats/stats-recorder';

export interface InboxMessage {
  message_id: string;
  sender_user_id: number;
  sender_uuid?: string;
  sender_nickname?: string;
  sent_at: string;
  via: DeliveryChannel;
  object_type: TemplateObjectType;
  template: unknown;
}

export interface TapResult {
  message_id: string;
  button: TapButton;
  action: 'follow' | 'subscribe' | 'click';
  event_id?: string;
  calendar_id?: string;
  /** False when the recipient had already followed / subscribed. */
  changed: boolean;
}

/** What recipients received (the control API's inbox) and simulated taps on those messages. */
export class InboxService {
  constructor(
    private readonly context: SandboxContext,
    private readonly follows: FollowsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly stats: StatsRecorder,
  ) {}

  list(
    user: UserRecord,
    offset: number,
    limit: number,
  ): { user_id: number; total: number; messages: InboxMessage[] } {
    const { state } = this.context;
    const rows = state.inboxes.get(user.id) ?? [];
    const messages: InboxMessage[] = [];
    for (const row of rows.slice(offset, offset + limit)) {
      const delivery = state.deliveries.get(row);
      const template =
        delivery === undefined ? undefined : state.templates.entries[delivery.templateRef];
      if (!delivery || !template) {
        continue;
      }
      const sender = state.users.get(delivery.senderId);
      messages.push({
        message_id: delivery.messageId,
        sender_user_id: delivery.senderId,
        sender_uuid: sender?.uuid,
        sender_nickname: sender?.nickname,
        sent_at: new Date(delivery.sentAt).toISOString(),
        via: delivery.channel,
        object_type: template.objectType,
        template: JSON.parse(template.json) as unknown,
      });
    }
    return { user_id: user.id, total: rows.length, messages };
  }

  /** `fixed` does what Kakao's button does for the recipient (4.16 / 4.18); `custom` is a click. */
  tap(messageId: string, button: TapButton): TapResult {
    const { state } = this.context;
    const delivery = state.deliveries.get(DeliveryLog.rowOf(messageId));
    const template =
      delivery === undefined ? undefined : state.templates.entries[delivery.templateRef];
    const recipient = delivery === undefined ? undefined : state.users.get(delivery.recipientId);
    const sender = delivery === undefined ? undefined : state.users.get(delivery.senderId);
    if (!delivery || !template || !recipient) {
      throw controlNotFound('message');
    }
    const appId = sender?.appId ?? recipient.appId;
    const target = template.target;
    if (button === 'custom') {
      if (!template.hasCustomButton) {
        throw invalidParam('this message has no custom button');
      }
      if (target) {
        this.stats.tap(
          target.idType === 'event' ? 'event' : 'calendar',
          appId,
          target.id,
          'custom',
        );
      } else {
        this.stats.tap('template', appId, String(delivery.templateRef), 'custom');
      }
      return { message_id: messageId, button, action: 'click', changed: false };
    }
    if (!target) {
      throw invalidParam('only calendar messages carry the fixed add/subscribe button');
    }
    if (target.idType === 'event') {
      const event = resolveEventRef(state, target.id)?.event;
      if (!event || event.kind !== 'PUBLIC') {
        throw invalidParam('the public event of this message no longer exists');
      }
      this.stats.tap('event', appId, event.id, 'fixed');
      const changed = this.follows.follow(recipient, event);
      return { message_id: messageId, button, action: 'follow', event_id: target.id, changed };
    }
    const calendar = state.subscribeCalendars.get(target.id);
    if (!calendar) {
      throw invalidParam('the subscribe calendar of this message no longer exists');
    }
    this.stats.tap('calendar', appId, calendar.id, 'fixed');
    const changed = this.subscriptions.subscribe(recipient, calendar);
    return {
      message_id: messageId,
      button,
      action: 'subscribe',
      calendar_id: calendar.id,
      changed,
    };
  }
}
