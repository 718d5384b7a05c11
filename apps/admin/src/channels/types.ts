import { type Role } from '@admin/access/permissions';

/** `GET /api/channels/:id` (libs/channels/src/channel.dto.ts) with the caller's role. */
export interface ChannelSettings {
  id: string;
  name: string;
  channelPublicId: string;
  kakaoAppId: string | null;
  timeZone: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  approvalRequired: boolean;
  hasRestApiKey: boolean;
  hasAdminKey: boolean;
  hasClientSecret: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  role: Role;
}

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** `POST /api/channels/:id/kakao-keys/test` (libs/channels/src/channel-key-check.service.ts). */
export interface KakaoKeyCheck {
  key: 'adminKey' | 'restApiKey';
  state: 'ok' | 'missing' | 'refused' | 'unreachable';
  code: string | null;
  message: string | null;
}

export interface KakaoKeysCheck {
  checkedAt: string;
  results: KakaoKeyCheck[];
}
