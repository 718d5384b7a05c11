import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';

import {
  type JoinStateCheck,
  joinStateKey,
  newJoinNonce,
  signJoinState,
  verifyJoinState,
} from './join-state';
import { JOIN_STATE_TTL_SECONDS } from './recipients.constants';

/**
 * Opt-in `state` values: signed (forgeries are refused without a lookup), expiring, and single
 * use through Redis (GETDEL), so a replayed callback URL is refused even within its lifetime.
 */
@Injectable()
export class JoinStateStore {
  private readonly key: Buffer;

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.key = joinStateKey(config.secretsKey);
  }

  private redisKey(nonce: string): string {
    return `${this.config.redis.queuePrefix}:join-state:${nonce}`;
  }

  async issue(channelId: string): Promise<{ state: string; nonce: string }> {
    const nonce = newJoinNonce();
    const expiresAt = Math.floor(Date.now() / 1000) + JOIN_STATE_TTL_SECONDS;
    await this.redis.set(this.redisKey(nonce), channelId, 'EX', JOIN_STATE_TTL_SECONDS, 'NX');
    return { state: signJoinState(this.key, { channelId, nonce, expiresAt }), nonce };
  }

  /** Form, signature (bound to the channel) and expiry; no lookup. */
  check(state: unknown, channelId: string): JoinStateCheck {
    return verifyJoinState(this.key, state, channelId, Math.floor(Date.now() / 1000));
  }

  /** Uses the state up; false when it was used before (a replay) or never issued here. */
  async use(nonce: string, channelId: string): Promise<boolean> {
    return (await this.redis.getdel(this.redisKey(nonce))) === channelId;
  }
}
