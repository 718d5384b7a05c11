import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AuthService } from '@app/accounts';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';

/** A ticket is redeemed by the browser right after the console asked for it. */
export const TICKET_TTL_SECONDS = 60;
/** The board's cookie; the operator opens the board from the menu again after that. */
export const PASS_TTL_SECONDS = 30 * 60;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Who opened the board: the pass lives only as long as this session and the operator flag. */
export interface QueueBoardHolder {
  userId: string;
  sessionId: string;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Redis keeps only hashes: a dump of it holds no usable ticket or pass. */
function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function readHolder(value: string | null): QueueBoardHolder | null {
  if (value === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(value) as Partial<QueueBoardHolder>;
    return typeof parsed.userId === 'string' && typeof parsed.sessionId === 'string'
      ? { userId: parsed.userId, sessionId: parsed.sessionId }
      : null;
  } catch {
    return null;
  }
}

/**
 * Access to the queue board, which the browser opens as a page (no Authorization header): an
 * operator's bearer-authenticated call gets a one-time ticket (single use through GETDEL, one
 * minute), the board exchanges it for a pass kept in an HttpOnly cookie scoped to the board's path.
 * Ticket and pass are bound to the session that asked: every board request checks that this
 * session is still live and its user still an operator, so logout, a password reset, disabling or
 * losing the operator flag closes the board at once.
 */
@Injectable()
export class QueueBoardPasses {
  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly auth: AuthService,
  ) {}

  private key(kind: 'ticket' | 'pass', token: string): string {
    return `${this.config.redis.queuePrefix}:queue-board:${kind}:${digest(token)}`;
  }

  async issueTicket(holder: QueueBoardHolder): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = newToken();
    await this.redis.set(
      this.key('ticket', ticket),
      JSON.stringify(holder),
      'EX',
      TICKET_TTL_SECONDS,
      'NX',
    );
    return { ticket, expiresAt: new Date(Date.now() + TICKET_TTL_SECONDS * 1000) };
  }

  /**
   * Uses the ticket up and opens a pass; null for an unknown, expired or replayed ticket, or one
   * whose session has ended since.
   */
  async redeem(ticket: string): Promise<string | null> {
    if (!TOKEN_FORMAT.test(ticket)) {
      return null;
    }
    const holder = readHolder(await this.redis.getdel(this.key('ticket', ticket)));
    if (holder === null || !(await this.holderIsLive(holder))) {
      return null;
    }
    const pass = newToken();
    await this.redis.set(
      this.key('pass', pass),
      JSON.stringify(holder),
      'EX',
      PASS_TTL_SECONDS,
      'NX',
    );
    return pass;
  }

  /** True for a pass that exists and whose session is still live; a dead one is dropped. */
  async isValid(pass: string | undefined): Promise<boolean> {
    if (pass === undefined || !TOKEN_FORMAT.test(pass)) {
      return false;
    }
    const key = this.key('pass', pass);
    const holder = readHolder(await this.redis.get(key));
    if (holder === null) {
      return false;
    }
    if (!(await this.holderIsLive(holder))) {
      await this.redis.del(key);
      return false;
    }
    return true;
  }

  private async holderIsLive(holder: QueueBoardHolder): Promise<boolean> {
    const user = await this.auth.liveSessionUser(holder.sessionId);
    return user !== null && user.id === holder.userId && user.isOperator;
  }
}
