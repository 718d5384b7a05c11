import { parseAuthorization } from '@app/kakao-sandbox/auth/credentials';
import { API_SCOPES, type ApiFamily, type Scope } from '@app/kakao-sandbox/auth/scopes';
import {
  insufficientScopes,
  invalidParam,
  notLinkedUser,
  unauthorized,
} from '@app/kakao-sandbox/errors/kakao-error';
import type { AccessTokenRecord, AppRecord, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';

export interface UserCaller {
  app: AppRecord;
  user: UserRecord;
  token: AccessTokenRecord;
}

export interface AdminCaller {
  app: AppRecord;
}

/** A user acted on either with their own token or by the app's admin key plus `target_id`. */
export interface TargetedUser {
  app: AppRecord;
  user: UserRecord;
  /** Consent items behind the call: the token's, or the user's when the admin key asks. */
  agreed: readonly Scope[];
}

/** Resolves credentials to the calling app and user (2.1, 2.5, 2.6). */
export class AuthService {
  constructor(private readonly context: SandboxContext) {}

  /** A user token, valid now, carrying the consent item of `family` when one is given. */
  user(header: string | string[] | undefined, family?: ApiFamily): UserCaller {
    const credential = parseAuthorization(header);
    if (credential.kind !== 'bearer') {
      throw unauthorized('this API needs a user access token (Bearer)');
    }
    const caller = this.resolveToken(credential.token);
    if (family !== undefined) {
      const { scope, apiType } = API_SCOPES[family];
      if (!caller.token.scopes.includes(scope)) {
        throw insufficientScopes(apiType, [scope], [...caller.token.scopes]);
      }
    }
    return caller;
  }

  /** The service app admin key; a REST API key or a user token is refused. */
  admin(header: string | string[] | undefined): AdminCaller {
    const credential = parseAuthorization(header);
    if (credential.kind !== 'admin') {
      throw unauthorized('this API needs the service app admin key (KakaoAK)');
    }
    const { state } = this.context;
    const appId = state.appIdByAdminKey.get(credential.key);
    const app = appId === undefined ? undefined : state.apps.get(appId);
    if (!app) {
      const isRestKey = state.appIdByRestKey.has(credential.key);
      throw unauthorized(
        isRestKey ? 'wrong app key type: an admin key is required' : 'invalid admin key',
      );
    }
    return { app };
  }

  /** Bearer for oneself, or KakaoAK with `target_id_type=user_id&target_id=…` (2.7, 5.6). */
  targetedUser(
    header: string | string[] | undefined,
    params: RequestParams,
    family?: ApiFamily,
  ): TargetedUser {
    const credential = parseAuthorization(header);
    if (credential.kind === 'bearer') {
      const { app, user, token } = this.user(header, family);
      return { app, user, agreed: token.scopes };
    }
    const { app } = this.admin(header);
    const targetType = params.requiredString('target_id_type');
    if (targetType !== 'user_id') {
      throw invalidParam('target_id_type must be user_id');
    }
    const targetId = params.optionalInteger('target_id');
    if (targetId === undefined) {
      throw invalidParam('target_id is required');
    }
    const user = this.context.state.users.get(targetId);
    if (!user || user.appId !== app.id || !user.linked) {
      throw notLinkedUser();
    }
    return { app, user, agreed: user.scopes };
  }

  private resolveToken(token: string): UserCaller {
    const { state } = this.context;
    const record = state.accessTokens.get(token);
    if (!record) {
      throw unauthorized('this access token does not exist');
    }
    if (record.expiresAt <= this.context.now()) {
      throw unauthorized('this access token is already expired');
    }
    const user = state.users.get(record.userId);
    const app = state.apps.get(record.appId);
    if (!user || !app || !user.linked) {
      throw unauthorized('this access token does not exist');
    }
    return { app, user, token: record };
  }
}
