import { Injectable, Module } from '@nestjs/common';

import { isKakaoApiError, KakaoClient, KakaoKeyMissingError } from '@app/kakao-client';

import { ChannelsModule } from './channels.module';
import { ChannelsService } from './channels.service';

export type KakaoKeyName = 'adminKey' | 'restApiKey';

/**
 * - `ok`: Kakao took the key.
 * - `missing`: the channel has no such key; nothing was sent.
 * - `refused`: Kakao answered that the key is wrong or not allowed (`code` says why).
 * - `unreachable`: no usable answer (network, timeout, outage, quota): try again later.
 */
export type KakaoKeyState = 'ok' | 'missing' | 'refused' | 'unreachable';

export interface KakaoKeyCheck {
  key: KakaoKeyName;
  state: KakaoKeyState;
  /** Kakao's code (`-401`, `KOE101`, HTTP status) when it answered with an error. */
  code: string | null;
  /** Kakao's own words, untranslated. */
  message: string | null;
}

export interface KakaoKeysCheckResponse {
  checkedAt: string;
  results: KakaoKeyCheck[];
}

// Kakao answers a made-up refresh token with invalid_grant when the app key itself is good.
const PROBE_REFRESH_TOKEN = 'connection-test';
const PROBE_TIMEOUT_MS = 10_000;

/** One harmless Kakao call per key of the channel, to tell whether the keys work. */
@Injectable()
export class ChannelKeyCheckService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly kakao: KakaoClient,
  ) {}

  async check(channelId: string): Promise<KakaoKeysCheckResponse> {
    const { adminKey, restApiKey, clientSecret } = this.channels.credentials(
      await this.channels.get(channelId),
    );
    const call = { timeoutMs: PROBE_TIMEOUT_MS, retries: 0 };
    const today = new Date();
    const results = await Promise.all([
      // Reading today's holidays changes nothing at Kakao.
      this.probe('adminKey', adminKey, (key) =>
        this.kakao.holidays.listHolidays({ from: today, to: today }, { ...call, adminKey: key }),
      ),
      this.probe('restApiKey', restApiKey, async (key) => {
        try {
          await this.kakao.oauth.refreshAccessToken(PROBE_REFRESH_TOKEN, {
            ...call,
            restApiKey: key,
            clientSecret,
          });
        } catch (error) {
          if (isKakaoApiError(error) && error.kind === 'oauth' && error.error === 'invalid_grant') {
            return;
          }
          throw error;
        }
      }),
    ]);
    return { checkedAt: new Date().toISOString(), results };
  }

  private async probe(
    key: KakaoKeyName,
    value: string | undefined,
    call: (value: string) => Promise<unknown>,
  ): Promise<KakaoKeyCheck> {
    if (!value) {
      return { key, state: 'missing', code: null, message: null };
    }
    try {
      await call(value);
      return { key, state: 'ok', code: null, message: null };
    } catch (error) {
      if (error instanceof KakaoKeyMissingError) {
        return { key, state: 'missing', code: null, message: null };
      }
      if (!isKakaoApiError(error)) {
        throw error;
      }
      const code = error.errorCode ?? (error.code === undefined ? null : String(error.code));
      const unreachable =
        error.kind === 'network' ||
        error.kind === 'timeout' ||
        error.retryable ||
        error.quotaExceeded;
      return {
        key,
        state: unreachable ? 'unreachable' : 'refused',
        code: code ?? (error.status > 0 ? `HTTP ${error.status}` : null),
        message: error.msg,
      };
    }
  }
}

/** The key check needs the application's Kakao client; only apps that have one import it. */
@Module({
  imports: [ChannelsModule],
  providers: [ChannelKeyCheckService],
  exports: [ChannelKeyCheckService],
})
export class ChannelKeyCheckModule {}
