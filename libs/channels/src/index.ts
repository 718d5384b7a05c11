export { toChannelResponse, UpdateChannelDto } from './channel.dto';
export type { ChannelResponse } from './channel.dto';
export { ChannelEntity } from './channel.entity';
export { ChannelKeyCheckModule, ChannelKeyCheckService } from './channel-key-check.service';
export type {
  KakaoKeyCheck,
  KakaoKeyName,
  KakaoKeysCheckResponse,
  KakaoKeyState,
} from './channel-key-check.service';
export { ChannelsErrorCode, ChannelsException } from './channels.exception';
export { ChannelsModule } from './channels.module';
export { CHANNEL_LIST_RULES, ChannelListFilter } from './channel-list.filter';
export { ChannelsService } from './channels.service';
export type {
  CreateChannelInput,
  KakaoAppCredentials,
  UpdateChannelInput,
} from './channels.service';
export { canonicalTimeZone, IsIanaTimeZone } from './time-zone';
