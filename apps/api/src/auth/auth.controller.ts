import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { Authenticated, ClientIp, CurrentSessionId, CurrentUser, Public } from '@app/access';
import {
  type AuthenticatedUser,
  AuthService,
  type AuthUserResponse,
  LoginDto,
  type LoginResponse,
  toAuthUserResponse,
  toLoginResponse,
} from '@app/accounts';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** `{ email, password }` → `{ token, expiresAt, user }`; send the token as `Authorization: Bearer`. */
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Public()
  async login(
    @Body() body: LoginDto,
    @ClientIp() ip: string | null,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<LoginResponse> {
    const result = await this.auth.login({
      email: body.email,
      password: body.password,
      ip,
      userAgent: userAgent ?? null,
    });
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
