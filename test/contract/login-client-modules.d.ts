// The little of passport-kakao and grant that the login-client contract tests use (neither ships
// its own types).

declare module 'passport-kakao' {
  interface KakaoStrategyOptions {
    clientID: string;
    clientSecret?: string;
    callbackURL: string;
  }
  type VerifyCallback = (
    accessToken: string,
    refreshToken: string,
    profile: {
      id: number;
      username?: string;
      displayName?: string;
      _json: Record<string, unknown>;
    },
    done: (error: unknown, user?: unknown) => void,
  ) => void;
  export class Strategy {
    constructor(options: KakaoStrategyOptions, verify: VerifyCallback);
    name: string;
    _userProfileURL: string;
    _oauth2: { _authorizeUrl: string; _accessTokenUrl: string };
    authenticate(request: unknown, options?: Record<string, unknown>): void;
  }
}

declare module 'grant' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type NodeHandler = (
    request: IncomingMessage,
    response: ServerResponse,
    state?: Record<string, unknown>,
  ) => Promise<{ redirect?: boolean; response?: Record<string, unknown> }>;

  const grant: {
    node(options: { config: Record<string, unknown>; session: { secret: string } }): NodeHandler;
  };
  export default grant;
}
