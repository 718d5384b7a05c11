export {
  CalendarApi,
  type CreateEventOptions,
  type RecurOptions,
  type UpdateEventOptions,
} from './calendar-api';
export { ChannelApi, type ChannelRelationQuery } from './channel-api';
export { seriesEventId } from './event-id';
export { FriendsApi } from './friends-api';
export { HolidayApi } from './holiday-api';
export * from './kakao.types';
export {
  isKakaoApiError,
  KakaoApiError,
  type KakaoApiErrorInit,
  KakaoErrorCode,
  type KakaoErrorCodeName,
  type KakaoErrorKind,
  KakaoKeyMissingError,
} from './kakao-api.error';
export { KakaoClient } from './kakao-client';
export { KakaoClientModule, type KakaoClientModuleOptions } from './kakao-client.module';
export {
  DEFAULT_KAKAO_CLIENT_OPTIONS,
  type KakaoClientInit,
  type KakaoClientOptions,
  kakaoClientOptionsFromEnv,
  SANDBOX_BASE_URL,
} from './kakao-client.options';
export { type AdminCallOptions, type CallOptions } from './kakao-requester';
export { MessageApi, PreparedTemplate, prepareTemplate, type TemplateInput } from './message-api';
export {
  type AuthorizeUrlInput,
  type ExchangeCodeInput,
  OAuthApi,
  type OAuthCallOptions,
} from './oauth-api';
export {
  type ChannelCallOptions,
  PublicEventApi,
  type UpdatePublicEventOptions,
  type UpsertPublicEvent,
  type UpsertPublicEventResult,
} from './public-event-api';
export {
  backoffDelay,
  type BackoffOptions,
  isQuotaCode,
  isRetryableCode,
  isRetryableFailure,
} from './retry-policy';
export { SubscribeApi, type SubscribableCalendarsOptions } from './subscribe-api';
export { TaskApi } from './task-api';
export {
  allDayEventTime,
  type AllDaySpan,
  type CalendarDate,
  DEFAULT_TIME_ZONE,
  gridCeil,
  gridFloor,
  type Instant,
  localDate,
  timedEventTime,
  type TimedSpan,
} from './time-grid';
export { type OnTokensRefreshed, type RefreshedTokens, type UserTokens } from './token-refresh';
export { UserApi, type UserInfoQuery } from './user-api';
