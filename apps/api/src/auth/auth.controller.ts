import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import {
  Authenticated,
  ClientIp,
  cookieValue,
  CurrentSessionId,
  CurrentUser,
  Public,
} from '@app/access';
import {
  type AuthenticatedUser,
  AuthService,
  type AuthUserResponse,
  LOGIN_THROTTLE_POLICY,
  LoginDto,
  type LoginResponse,
  toAuthUserResponse,
  toLoginResponse,
  TRUSTED_DEVICE_COOKIE,
} from '@app/accounts';

const LOGIN_PATH = '/api/auth/login';

/** The trusted-device cookie: sent back to the login route only, never readable by scripts. */
function trustedDeviceCookie(token: string, secure: boolean): string {
  const maxAgeSeconds = Math.floor(LOGIN_THROTTLE_POLICY.trustedDeviceMs / 1000);
  return `${TRUSTED_DEVICE_COOKIE}=${token}; Path=${LOGIN_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * `{ email, password }` → `{ token, expiresAt, user }`; send the token as `Authorization: Bearer`.
   * Also sets the trusted-device cookie that exempts this browser from the per-email limit at its
   * next logins of this account. A 429 says when to retry in `Retry-After`.
   */
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Public()
  async login(
    @Body() body: LoginDto,
    @ClientIp() ip: string | null,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.login({
      email: body.email,
      password: body.password,
      ip,
      userAgent: userAgent ?? null,
      trustedDeviceToken: cookieValue(request.headers.cookie, TRUSTED_DEVICE_COOKIE) ?? null,
    });
    reply.header(
      'set-cookie',
      trustedDeviceCookie(result.trustedDeviceToken, request.protocol === 'https'),
    );
    return toLoginResponse(result);
  }

  /** Ends the session of the token used for this request. */
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated()
  @ApiBearerAuth()
  async logout(@CurrentSessionId() sessionId: string): Promise<void> {
    await this.auth.logout(sessionId);
  }

  /** The signed-in user with their channels and roles. */
  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthenticatedUser): AuthUserResponse {
    return toAuthUserResponse(user);
  }
}
