import { IsString, Length } from 'class-validator';

import { type AuthenticatedUser, type LoginResult } from './auth.types';
import { PASSWORD_MAX_LENGTH } from './password-hasher';
import { type Role } from './role';

export class LoginDto {
  // Not @IsEmail: whatever is typed gets the same "invalid email or password" answer.
  @IsString()
  @Length(1, 254)
  email!: string;

  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

export interface UserChannelResponse {
  id: string;
  name: string;
  channelPublicId: string;
  role: Role;
}

export interface AuthUserResponse {
  id: string;
  email: string;
  displayName: string;
  /** May open the queue board (every channel's jobs); the console shows it only then. */
  isOperator: boolean;
  channels: UserChannelResponse[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: AuthUserResponse;
}

export function toAuthUserResponse(user: AuthenticatedUser): AuthUserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isOperator: user.isOperator,
    channels: user.channels.map((channel) => ({
      id: channel.channelId,
      name: channel.channelName,
      channelPublicId: channel.channelPublicId,
      role: channel.role,
    })),
  };
}

export function toLoginResponse(result: LoginResult): LoginResponse {
  return {
    token: result.token,
    expiresAt: result.expiresAt.toISOString(),
    user: toAuthUserResponse(result.user),
  };
}
