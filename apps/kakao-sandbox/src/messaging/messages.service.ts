import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import { resolveEventRef } from '@app/kakao-sandbox/calendar/event-store';
import { messageForCode } from '@app/kakao-sandbox/errors/error-codes';
import { invalidParam, KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { type DeliveryChannel } from '@app/kakao-sandbox/messaging/delivery-log';
import { isVisibleFriend } from '@app/kakao-sandbox/messaging/friendship';
import { internTemplate } from '@app/kakao-sandbox/messaging/template-table';
import type { QuotaService } from '@app/kakao-sandbox/quota/quota.service';
import type { AppRecord, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { StatsRecorder } from '@app/kakao-sandbox/stats/stats-recorder';
import { validateTemplate, type ValidatedTemplate } from '@app/kakao-sandbox/validation/template';

export interface FailureInfo {
  code: number;
  msg: string;
  receiver_uuids: string[];
}

export interface SendToFriendsResult {
  successful_receiver_uuids?: string[];
  failure_info?: FailureInfo[];
}

/** Distinct raw templates whose validation is remembered (a blast repeats one template). */
const VALIDATED_CACHE_SIZE = 1000;

/** Send to me (5.1) and send to friends (5.2) with default templates (5.3, 5.4). */
export class MessagesService {
  private readonly validated = new Map<string, ValidatedTemplate>();

  constructor(
    private readonly context: SandboxContext,
    private readonly quota: QuotaService,
    private readonly stats: StatsRecorder,
  ) {}

  /** The sender is the recipient: per-user daily limits fail the whole call (-532/-533/-536). */
  sendToMe(caller: UserCaller, rawTemplate: unknown): { result_code: 0 } {
    const template = this.validate(caller.app, rawTemplate);
    const blocker = this.quota.deliveryBlocker(caller.app, caller.user.id, caller.user.id);
    if (blocker !== undefined) {
      throw new KakaoError(400, blocker, messageForCode(blocker));
    }
    const ref = this.intern(template);
    this.deliver(caller.app, ref, caller.user.id, caller.user.id, 'memo');
    this.stats.delivered(caller.app.id, 'memo', 1);
    return { result_code: 0 };
  }

  /** Request-level problems fail the call; recipient-level ones land in `failure_info`. */
  sendToFriends(
    caller: UserCaller,
    uuids: readonly string[],
    rawTemplate: unknown,
  ): SendToFriendsResult {
    const { state } = this.context;
    const { app, user: sender } = caller;
    const recipients = uuids.map((uuid) => {
      const userId = state.userIdByUuid.get(uuid);
      const recipient = userId === undefined ? undefined : state.users.get(userId);
      if (
        !recipient ||
        recipient.appId !== app.id ||
        (!app.messagePermission && !recipient.teamMember)
      ) {
        throw invalidParam(`receiver_uuids holds a uuid the sender may not message: ${uuid}`);
      }
      return recipient;
    });
    const template = this.validate(app, rawTemplate);
    const successful: string[] = [];
    const failures = new Map<number, string[]>();
    let ref: number | undefined;
    for (const recipient of recipients) {
      const code = this.recipientFailure(app, sender, recipient);
      if (code !== undefined) {
        failures.set(code, [...(failures.get(code) ?? []), recipient.uuid]);
        continue;
      }
      ref ??= this.intern(template);
      this.deliver(app, ref, sender.id, recipient.id, 'friends');
      successful.push(recipient.uuid);
    }
    if (successful.length > 0) {
      this.stats.delivered(app.id, 'friends', successful.length);
    }
    const result: SendToFriendsResult = {};
    if (successful.length > 0) {
      result.successful_receiver_uuids = successful;
    }
    if (failures.size > 0) {
      result.failure_info = [...failures].map(([code, receiverUuids]) => ({
        code,
        msg: messageForCode(code),
        receiver_uuids: receiverUuids,
      }));
    }
    return result;
  }

  private recipientFailure(
    app: AppRecord,
    sender: UserRecord,
    recipient: UserRecord,
  ): number | undefined {
    if (!isVisibleFriend(this.context.state, sender, recipient, app.messagePermission)) {
      return -502;
    }
    if (!recipient.allowMessages) {
      return -530;
    }
    return this.quota.deliveryBlocker(app, sender.id, recipient.id);
  }

  private validate(app: AppRecord, rawTemplate: unknown): ValidatedTemplate {
    if (rawTemplate === undefined) {
      throw invalidParam('template_object is required');
    }
    const template = this.validateShape(rawTemplate);
    if (template.target) {
      this.checkTarget(app, template.target.idType, template.target.id);
    }
    return template;
  }

  /** Shape validation is pure, so its result is cached per raw string; targets are rechecked. */
  private validateShape(rawTemplate: unknown): ValidatedTemplate {
    if (typeof rawTemplate !== 'string') {
      return validateTemplate(rawTemplate);
    }
    let template = this.validated.get(rawTemplate);
    if (!template) {
      template = validateTemplate(rawTemplate);
      if (this.validated.size >= VALIDATED_CACHE_SIZE) {
        this.validated.clear();
      }
      this.validated.set(rawTemplate, template);
    }
    return template;
  }

  /** The calendar template must point at a live event or calendar of this app's channels (5.3). */
  private checkTarget(app: AppRecord, idType: 'event' | 'calendar', id: string): void {
    const { state } = this.context;
    if (idType === 'event') {
      const event = resolveEventRef(state, id)?.event;
      const valid =
        event?.kind === 'PUBLIC' &&
        event.channelPublicId !== undefined &&
        app.channelPublicIds.includes(event.channelPublicId);
      if (!valid) {
        throw invalidParam(
          'template_object.id is not a live public event of a channel of this app',
        );
      }
      return;
    }
    const calendar = state.subscribeCalendars.get(id);
    if (!calendar || !app.channelPublicIds.includes(calendar.channelPublicId)) {
      throw invalidParam('template_object.id is not a subscribe calendar of a channel of this app');
    }
  }

  private intern(template: ValidatedTemplate): number {
    return internTemplate(this.context.state.templates, {
      json: template.json,
      objectType: template.objectType,
      target: template.target,
      hasCustomButton: template.hasCustomButton,
    });
  }

  private deliver(
    app: AppRecord,
    templateRef: number,
    senderId: number,
    recipientId: number,
    channel: DeliveryChannel,
  ): void {
    const { state } = this.context;
    const row = state.deliveries.append(
      templateRef,
      senderId,
      recipientId,
      this.context.now(),
      channel,
    );
    let inbox = state.inboxes.get(recipientId);
    if (!inbox) {
      inbox = [];
      state.inboxes.set(recipientId, inbox);
    }
    inbox.push(row);
    this.quota.recordDelivery(app, senderId, recipientId);
  }
}
