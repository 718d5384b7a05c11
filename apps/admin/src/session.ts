import { isRole, type Role } from '@admin/access/permissions';

/** A channel the signed-in user belongs to, with their role there (`user.channels` of the API). */
export interface ChannelMembership {
  id: string;
  name: string;
  channelPublicId: string;
  role: Role;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  /** Runs the console for every channel (the queue board); not a channel role. Absent: not one. */
  isOperator?: boolean;
  channels: ChannelMembership[];
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** Where the session lives; `localStorage` in the browser, a map in tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SESSION_KEY = 'kcc.session';
const CHANNEL_KEY = 'kcc.channelId';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readMembership(value: unknown): ChannelMembership | null {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.name !== 'string' ||
    typeof value.channelPublicId !== 'string' ||
    !isRole(value.role)
  ) {
    return null;
  }
  return {
    id: value.id,
    name: value.name,
    channelPublicId: value.channelPublicId,
    role: value.role,
  };
}

/** The API's user (login answer or `/auth/me`), checked field by field. */
export function readSessionUser(value: unknown): SessionUser | null {
  if (
    !isRecord(value) ||
    typeof value.id !== 'string' ||
    typeof value.email !== 'string' ||
    typeof value.displayName !== 'string' ||
    !Array.isArray(value.channels)
  ) {
    return null;
  }
  const channels = value.channels.map(readMembership);
  if (channels.some((channel) => channel === null)) {
    return null;
  }
  return {
    id: value.id,
    email: value.email,
    displayName: value.displayName,
    // Older answers (and sessions stored before the field) lack it: not an operator.
    isOperator: value.isOperator === true,
    channels: channels as ChannelMembership[],
  };
}

export function readSession(value: unknown): Session | null {
  if (!isRecord(value) || typeof value.token !== 'string' || typeof value.expiresAt !== 'string') {
    return null;
  }
  const user = readSessionUser(value.user);
  return user ? { token: value.token, expiresAt: value.expiresAt, user } : null;
}

/**
 * The signed-in session and the channel the user works in. Both survive reloads; the channel is
 * sent as `X-Channel-Id` with every request.
 */
export class SessionStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** The last parse, so the many reads per render do not parse the same JSON again. */
  private parsed: { raw: string; session: Session | null } | undefined;

  get(): Session | null {
    const raw = this.storage.getItem(SESSION_KEY);
    if (raw === null) {
      return null;
    }
    if (this.parsed?.raw !== raw) {
      let session: Session | null = null;
      try {
        session = readSession(JSON.parse(raw));
      } catch {
        // Unreadable: treat as signed out.
      }
      this.parsed = { raw, session };
    }
    const { session } = this.parsed;
    if (session && Date.parse(session.expiresAt) > this.now()) {
      return session;
    }
    this.storage.removeItem(SESSION_KEY);
    return null;
  }

  set(session: Session): void {
    this.storage.setItem(SESSION_KEY, JSON.stringify(session));
    this.notify();
  }

  /** Keeps the token and replaces the user (after `/auth/me`: roles may have changed). */
  updateUser(user: SessionUser): void {
    const session = this.get();
    if (session) {
      this.set({ ...session, user });
    }
  }

  clear(): void {
    this.storage.removeItem(SESSION_KEY);
    this.notify();
  }

  token(): string | null {
    return this.get()?.token ?? null;
  }

  /** The chosen channel when the user still belongs to it, else their first channel. */
  currentChannel(): ChannelMembership | null {
    const session = this.get();
    if (!session) {
      return null;
    }
    const chosen = this.storage.getItem(CHANNEL_KEY);
    const channels = session.user.channels;
    return channels.find((channel) => channel.id === chosen) ?? channels[0] ?? null;
  }

  selectChannel(channelId: string): void {
    this.storage.setItem(CHANNEL_KEY, channelId);
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

function browserStorage(): KeyValueStorage {
  if (typeof window !== 'undefined' && typeof window.localStorage !== 'undefined') {
    return window.localStorage;
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => {
      memory.set(key, value);
    },
    removeItem: (key) => {
      memory.delete(key);
    },
  };
}

/** The app's one session store. */
export const sessionStore = new SessionStore(browserStorage());
