import { type AuthProvider, type UserIdentity } from 'react-admin';

import { type Permission, permissionsOf, type Role } from '@admin/access/permissions';
import { canAccessWith } from '@admin/access/resourceAccess';
import { createHttpClient, type FetchLike } from '@admin/httpClient';
import {
  type ChannelMembership,
  readSession,
  readSessionUser,
  sessionStore,
  type SessionStore,
} from '@admin/session';

/** What `usePermissions()` returns: the role in the current channel and what it may do. */
export interface ConsolePermissions {
  role: Role | null;
  channelId: string | null;
  permissions: Permission[];
}

export interface ConsoleIdentity extends UserIdentity {
  email: string;
  channels: ChannelMembership[];
  currentChannelId: string | null;
}

export interface AuthProviderOptions {
  apiUrl: string;
  session: SessionStore;
  fetch?: FetchLike;
}

/** react-admin skips its "please sign in" notice when a check fails with `message: false`. */
function quietAuthFailure(): Error {
  const error = new Error();
  Object.defineProperty(error, 'message', { value: false });
  return error;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) {
    return undefined;
  }
  const { status } = error;
  return typeof status === 'number' ? status : undefined;
}

export function permissionsFor(session: SessionStore): ConsolePermissions {
  const channel = session.currentChannel();
  if (!channel) {
    return { role: null, channelId: null, permissions: [] };
  }
  return {
    role: channel.role,
    channelId: channel.id,
    permissions: [...permissionsOf(channel.role)],
  };
}

export function createAuthProvider(options: AuthProviderOptions): AuthProvider {
  const { session, apiUrl } = options;
  const http = createHttpClient({ session, fetch: options.fetch });

  return {
    async login(params: { username?: string; email?: string; password?: string }) {
      const { json } = await http(`${apiUrl}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({
          email: params.email ?? params.username ?? '',
          password: params.password ?? '',
        }),
      });
      const signedIn = readSession(json);
      if (!signedIn) {
        throw new Error('app.auth.unexpected_answer');
      }
      session.set(signedIn);
      const current = session.currentChannel();
      if (current) {
        session.selectChannel(current.id);
      }
      return { redirectTo: '/' };
    },

    async logout() {
      if (session.token()) {
        try {
          await http(`${apiUrl}/auth/logout`, { method: 'POST' });
        } catch {
          // The session may already be over; signing out locally is what matters.
        }
      }
      session.clear();
    },

    checkAuth() {
      return session.get() ? Promise.resolve() : Promise.reject(quietAuthFailure());
    },

    checkError(error: unknown) {
      const status = statusOf(error);
      if (status === 401) {
        session.clear();
        return Promise.reject(new Error('app.auth.session_ended'));
      }
      // 403 and the rest: the screen shows the error; the user stays signed in.
      return Promise.resolve();
    },

    async getIdentity(): Promise<ConsoleIdentity> {
      const { json } = await http(`${apiUrl}/auth/me`);
      const user = readSessionUser(json);
      if (!user) {
        throw new Error('app.auth.unexpected_answer');
      }
      session.updateUser(user);
      return {
        id: user.id,
        fullName: user.displayName,
        email: user.email,
        channels: user.channels,
        currentChannelId: session.currentChannel()?.id ?? null,
      };
    },

    getPermissions(): Promise<ConsolePermissions> {
      return Promise.resolve(permissionsFor(session));
    },

    canAccess({ resource, action }: { resource: string; action: string }) {
      const channel = session.currentChannel();
      const isOperator = session.get()?.user.isOperator === true;
      return Promise.resolve(
        channel !== null &&
          canAccessWith(permissionsOf(channel.role), resource, action, isOperator),
      );
    },
  };
}

export const authProvider = createAuthProvider({ apiUrl: '/api', session: sessionStore });
