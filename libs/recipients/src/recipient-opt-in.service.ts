import { Injectable, Logger } from '@nestjs/common';

import { AuditService } from '@app/audit';
import { type ChannelEntity, ChannelsService } from '@app/channels';
import { SecretBox } from '@app/common';
import { AppConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { isKakaoApiError, KakaoClient, type KakaoUser, type OAuthToken } from '@app/kakao-client';

import {
  type JoinAnswer,
  type JoinFailure,
  renderJoinErrorPage,
  renderJoinPage,
  renderThanksPage,
} from './join-pages';
import { JoinStateStore } from './join-state.store';
import { ChannelRelation, ConsentState, RecipientSource } from './recipient.enums';
import { RecipientRepository } from './recipient.repository';
import {
  JOIN_STATE_TTL_SECONDS,
  MESSAGE_SCOPE,
  OPT_IN_SCOPES,
  SkipReason,
} from './recipients.constants';

/** The query Kakao sends back to the callback. */
export interface JoinCallbackQuery {
  code?: unknown;
  state?: unknown;
  error?: unknown;
  error_description?: unknown;
}

const COOKIE = 'kcc_join';
const PUBLIC_ID = /^[A-Za-z0-9_-]{1,64}$/;

const RELATIONS = new Set<string>(Object.values(ChannelRelation));

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return value.join('=');
    }
  }
  return undefined;
}

function nicknameOf(user: KakaoUser): string | null {
  const nickname = user.kakao_account?.profile?.nickname ?? user.properties?.nickname;
  return typeof nickname === 'string' && nickname !== '' ? nickname.slice(0, 100) : null;
}

function scopesOf(token: OAuthToken): string[] {
  return (token.scope ?? '').split(/[\s,]+/).filter((scope) => scope !== '');
}

/**
 * The opt-in page of a channel and Kakao Login behind it (OAuth authorization code flow with a
 * signed, single-use `state` bound to the browser by a cookie). Every outcome is a page; nothing
 * here throws to the HTTP layer.
 */
@Injectable()
export class RecipientOptInService {
  private readonly logger = new Logger(RecipientOptInService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly channels: ChannelsService,
    private readonly states: JoinStateStore,
    private readonly kakao: KakaoClient,
    private readonly recipients: RecipientRepository,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  private joinPath(channelPublicId: string): string {
    return `/join/${encodeURIComponent(channelPublicId)}`;
  }

  /** The redirect URI registered with Kakao for this channel's opt-in. */
  redirectUri(channelPublicId: string): string {
    return `${this.config.publicBaseUrl}${this.joinPath(channelPublicId)}/callback`;
  }

  private fail(
    failure: JoinFailure,
    status: number,
    channelPublicId: string | null,
    detail?: string,
    setCookie?: string,
  ): JoinAnswer {
    return {
      kind: 'page',
      status,
      html: renderJoinErrorPage(
        failure,
        channelPublicId === null ? null : this.joinPath(channelPublicId),
        detail,
      ),
      ...(setCookie === undefined ? {} : { setCookie }),
    };
  }

  private cookie(channelPublicId: string, value: string, maxAgeSeconds: number): string {
    const secure = this.config.publicBaseUrl.startsWith('https:') ? '; Secure' : '';
    return `${COOKIE}=${value}; Path=${this.joinPath(channelPublicId)}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
  }

  private async channelOf(channelPublicId: string): Promise<ChannelEntity | null> {
    return PUBLIC_ID.test(channelPublicId) ? this.channels.findByPublicId(channelPublicId) : null;
  }

  /** `GET /join/:channel`: the page with the button. */
  async page(channelPublicId: string): Promise<JoinAnswer> {
    return this.guard(channelPublicId, async () => {
      const channel = await this.channelOf(channelPublicId);
      if (!channel) {
        return this.fail('channel_not_found', 404, null);
      }
      return {
        kind: 'page',
        status: 200,
        html: renderJoinPage(channel.name, `${this.joinPath(channelPublicId)}/start`),
      };
    });
  }

  /** `POST /join/:channel/start`: a fresh state, its cookie, and off to Kakao's consent page. */
  async start(channelPublicId: string): Promise<JoinAnswer> {
    return this.guard(channelPublicId, async () => {
      const channel = await this.channelOf(channelPublicId);
      if (!channel) {
        return this.fail('channel_not_found', 404, null);
      }
      const { restApiKey } = this.channels.credentials(channel);
      if (restApiKey === undefined) {
        return this.fail('channel_not_ready', 503, null);
      }
      const { state, nonce } = await this.states.issue(channel.id);
      const location = this.kakao.oauth.authorizeUrl(
        { redirectUri: this.redirectUri(channelPublicId), scopes: OPT_IN_SCOPES, state },
        { restApiKey },
      );
      return {
        kind: 'redirect',
        location,
        setCookie: this.cookie(channelPublicId, nonce, JOIN_STATE_TTL_SECONDS),
      };
    });
  }

  /**
   * `GET /join/:channel/callback`: checks the state (signature, expiry, this browser, single use),
   * trades the code for tokens, reads the user, stores the recipient with sealed tokens and
   * audits it, then thanks the person.
   */
  async callback(
    channelPublicId: string,
    query: JoinCallbackQuery,
    cookieHeader: string | undefined,
    ip: string | null,
  ): Promise<JoinAnswer> {
    return this.guard(channelPublicId, async () => {
      const channel = await this.channelOf(channelPublicId);
      if (!channel) {
        return this.fail('channel_not_found', 404, null);
      }
      const clearCookie = this.cookie(channelPublicId, '', 0);
      const check = this.states.check(query.state, channel.id);
      if (!check.ok) {
        return check.problem === 'expired'
          ? this.fail('expired_state', 400, channelPublicId, undefined, clearCookie)
          : this.fail('invalid_state', 400, channelPublicId, undefined, clearCookie);
      }
      if (cookieValue(cookieHeader, COOKIE) !== check.nonce) {
        return this.fail('browser_mismatch', 400, channelPublicId);
      }
      if (!(await this.states.use(check.nonce, channel.id))) {
        return this.fail('invalid_state', 400, channelPublicId, undefined, clearCookie);
      }
      if (query.error !== undefined) {
        const declined = query.error === 'access_denied';
        return this.fail(
          declined ? 'declined' : 'kakao_rejected',
          declined ? 200 : 400,
          channelPublicId,
          declined || typeof query.error !== 'string' ? undefined : query.error.slice(0, 64),
          clearCookie,
        );
      }
      if (typeof query.code !== 'string' || query.code === '' || query.code.length > 512) {
        return this.fail('kakao_rejected', 400, channelPublicId, 'no code', clearCookie);
      }
      const answer = await this.complete(channel, query.code, ip);
      return { ...answer, setCookie: clearCookie };
    });
  }

  private async complete(
    channel: ChannelEntity,
    code: string,
    ip: string | null,
  ): Promise<JoinAnswer> {
    const { restApiKey, clientSecret, adminKey } = this.channels.credentials(channel);
    if (restApiKey === undefined) {
      return this.fail('channel_not_ready', 503, null);
    }
    let token: OAuthToken;
    let user: KakaoUser;
    try {
      token = await this.kakao.oauth.exchangeCode(
        { code, redirectUri: this.redirectUri(channel.channelPublicId) },
        { restApiKey, clientSecret },
      );
      user = await this.kakao.users.getMe(token.access_token);
    } catch (error) {
      return this.kakaoFailure(channel, error);
    }
    const kakaoUserId = String(user.id);
    const scopes = scopesOf(token);
    const messagesAllowed = scopes.includes(MESSAGE_SCOPE);
    const relation = await this.relationOf(channel, kakaoUserId, adminKey);
    const nickname = nicknameOf(user);
    const now = Date.now();
    await this.transactions.run(async (manager) => {
      const [saved] = await this.recipients.upsertMany(manager, channel.id, RecipientSource.OptIn, [
        {
          kakaoUserId,
          nickname,
          scopes,
          accessTokenSealed: this.secretBox.encrypt(token.access_token),
          refreshTokenSealed:
            token.refresh_token === undefined ? null : this.secretBox.encrypt(token.refresh_token),
          accessTokenExpiresAt: new Date(now + token.expires_in * 1000),
          refreshTokenExpiresAt:
            token.refresh_token_expires_in === undefined
              ? null
              : new Date(now + token.refresh_token_expires_in * 1000),
          consentState: messagesAllowed ? ConsentState.Active : ConsentState.NeedsConsent,
          consentReason: messagesAllowed ? null : SkipReason.MissingScope,
        },
      ]);
      const state = messagesAllowed ? ConsentState.Active : ConsentState.NeedsConsent;
      if (saved.previousState !== state) {
        await this.recipients.recordConsentChanges(manager, [
          {
            recipientId: saved.id,
            channelId: channel.id,
            from: saved.previousState,
            to: state,
            reason: messagesAllowed ? 'opt_in' : SkipReason.MissingScope,
            actorUserId: null,
          },
        ]);
      }
      if (relation !== undefined) {
        await this.recipients.storeRelations(
          channel.id,
          [{ id: saved.id, relation }],
          new Date(),
          manager,
        );
      }
      await this.audit.record(manager, {
        actor: { userId: null, email: null, channelId: channel.id, ip },
        action: 'recipient.opt_in',
        entityType: 'recipient',
        entityId: saved.id,
        before: saved.created ? null : { consentState: saved.previousState },
        after: { kakaoUserId, nickname, scopes, consentState: state, created: saved.created },
      });
    });
    return {
      kind: 'page',
      status: 200,
      html: renderThanksPage(channel.name, nickname, messagesAllowed),
    };
  }

  /** The person's relation with the channel (5.6) with the app's admin key, when it has one. */
  private async relationOf(
    channel: ChannelEntity,
    kakaoUserId: string,
    adminKey: string | undefined,
  ): Promise<ChannelRelation | undefined> {
    if (adminKey === undefined) {
      return undefined;
    }
    try {
      const relations = await this.kakao.channels.getChannelRelationsOfUser(
        kakaoUserId,
        { channelPublicIds: [channel.channelPublicId] },
        { adminKey, retries: 1 },
      );
      const relation = relations.channels.find(
        (entry) => entry.channel_public_id === channel.channelPublicId,
      )?.relation;
      return typeof relation === 'string' && RELATIONS.has(relation)
        ? (relation as ChannelRelation)
        : undefined;
    } catch (error) {
      // The opt-in does not depend on it; the relation sync checks again later.
      this.logger.warn(
        `Channel relation of ${kakaoUserId} unknown: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  private kakaoFailure(channel: ChannelEntity, error: unknown): JoinAnswer {
    if (isKakaoApiError(error) && !error.retryable) {
      this.logger.warn(`Opt-in to ${channel.channelPublicId} refused by Kakao: ${error.message}`);
      return this.fail(
        'kakao_rejected',
        400,
        channel.channelPublicId,
        error.errorCode ?? (error.code === undefined ? undefined : String(error.code)),
      );
    }
    this.logger.error(
      `Opt-in to ${channel.channelPublicId}: Kakao unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
    return this.fail('kakao_unavailable', 502, channel.channelPublicId);
  }

  /** Anything unexpected becomes a generic page (logged with its stack), never a trace. */
  private async guard(
    channelPublicId: string,
    work: () => Promise<JoinAnswer>,
  ): Promise<JoinAnswer> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(
        `Opt-in page of ${channelPublicId} failed`,
        error instanceof Error ? error.stack : String(error),
      );
      return this.fail('internal', 500, PUBLIC_ID.test(channelPublicId) ? channelPublicId : null);
    }
  }
}
