// Kakao Talk messages with default templates (contract 5.1–5.4): send to me, send to friends.

import { EncodedForm } from './kakao-http';
import { type CallOptions, type KakaoRequester } from './kakao-requester';
import { isJsonObject, type JsonObject } from './kakao-response';
import {
  type DefaultTemplate,
  type MessageFailure,
  type SendToFriendsResult,
  type SendToMeResult,
} from './kakao.types';
import { TEMPLATE_SHAPES } from './request-shapes';
import { listOf } from './response-readers';
import { type ShapeOf, pickShape } from './wire-shape';

/**
 * A template checked and encoded once (`template_object=<url-encoded JSON>`), for sending the
 * same message many times without rebuilding it.
 */
export class PreparedTemplate {
  /** @internal use {@link prepareTemplate} */
  constructor(
    readonly objectType: DefaultTemplate['object_type'],
    readonly formField: string,
  ) {}
}

/** Keeps only the template's contract fields and encodes it as a form field. */
export function prepareTemplate(template: DefaultTemplate): PreparedTemplate {
  const shape = TEMPLATE_SHAPES[template.object_type] as ShapeOf<DefaultTemplate> | undefined;
  // An unknown object_type (from untyped callers) travels as given for Kakao to reject.
  const body = shape === undefined ? template : pickShape(template, shape);
  return new PreparedTemplate(
    template.object_type,
    'template_object=' + encodeURIComponent(JSON.stringify(body)),
  );
}

export type TemplateInput = DefaultTemplate | PreparedTemplate;

const PATH = {
  toMe: '/v2/api/talk/memo/default/send',
  toFriends: '/v1/api/talk/friends/message/default/send',
} as const;

export class MessageApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 5.1 Sends the template to the user's own chat. */
  async sendToMe(
    accessToken: string,
    template: TemplateInput,
    call?: CallOptions,
  ): Promise<SendToMeResult> {
    const form = new EncodedForm(prepared(template).formField);
    const body = await this.requester.user(accessToken, 'POST', PATH.toMe, form, call);
    return { result_code: typeof body.result_code === 'number' ? body.result_code : 0 };
  }

  /**
   * 5.2 Sends the template to 1–5 friends (uuids from the friends list). Per-recipient failures
   * (not a friend, refusals, quotas -532/-533/-536) come back in `failure_info`, not as errors.
   */
  async sendToFriends(
    accessToken: string,
    receiverUuids: readonly string[],
    template: TemplateInput,
    call?: CallOptions,
  ): Promise<SendToFriendsResult> {
    const form = new EncodedForm(
      'receiver_uuids=' +
        encodeURIComponent(JSON.stringify(receiverUuids)) +
        '&' +
        prepared(template).formField,
    );
    const body = await this.requester.user(accessToken, 'POST', PATH.toFriends, form, call);
    return {
      successful_receiver_uuids: listOf(body.successful_receiver_uuids),
      failure_info: listOf<JsonObject>(body.failure_info).filter(isJsonObject).map(failure),
    };
  }
}

function failure(item: JsonObject): MessageFailure {
  return {
    code: typeof item.code === 'number' ? item.code : Number(item.code),
    msg: typeof item.msg === 'string' ? item.msg : '',
    receiver_uuids: listOf(item.receiver_uuids),
  };
}

function prepared(template: TemplateInput): PreparedTemplate {
  return template instanceof PreparedTemplate ? template : prepareTemplate(template);
}
