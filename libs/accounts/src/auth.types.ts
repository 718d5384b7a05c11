import { type Role } from './role';

/** A channel the user belongs to, with the role they hold there. */
export interface ChannelAccess {
  channelId: string;
  channelName: string;
  channelPublicId: string;
  role: Role;
}

/** The signed-in user as every request sees it; channels are sorted by name. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  /** An instance operator (the queue board, across every channel); outside the channel roles. */
  isOperator: boolean;
  channels: ChannelAccess[];
}

export interface Authentication {
  sessionId: string;
  expiresAt: Date;
  user: AuthenticatedUser;
}

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The trusted-device token the client kept from an earlier login (see TrustedLoginDevices). */
  trustedDeviceToken?: string | null;
}

export interface LoginResult {
  /** The bearer token; shown once, stored only as a hash. */
  token: string;
  expiresAt: Date;
  user: AuthenticatedUser;
  /** For the client to keep (an HttpOnly cookie) and show at its next login of this account. */
  trustedDeviceToken: string;
}
