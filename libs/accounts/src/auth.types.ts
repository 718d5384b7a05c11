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
}

export interface LoginResult {
  /** The bearer token; shown once, stored only as a hash. */
  token: string;
  expiresAt: Date;
  user: AuthenticatedUser;
}
