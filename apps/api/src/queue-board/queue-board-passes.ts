import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';

/** A ticket is redeemed by the browser right after the console asked for it. */
export const TICKET_TTL_SECONDS = 60;
/** The board's cookie; the admin opens the board from the menu again after that. */
export const PASS_TTL_SECONDS = 30 * 60;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Who opened the board, kept with the pass for the logs and for audits of Redis. */
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

/**
 * Access to the queue board, which the browser opens as a page (no Authorization header): an
 * admin's bearer-authenticated call gets a one-time ticket (single use through GETDEL, one minute),
 * the board exchanges it for a pass kept in an HttpOnly cookie scoped to the board's path.
 */
@Injectable()
export class QueueBoardPasses {
  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
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

  /** Uses the ticket up and opens a pass; null for an unknown, expired or replayed ticket. */
  async redeem(ticket: string): Promise<string | null> {
    if (!TOKEN_FORMAT.test(ticket)) {
      return null;
    }
    const holder = await this.redis.getdel(this.key('ticket', ticket));
    if (holder === null) {
      return null;
    }
    const pass = newToken();
    await this.redis.set(this.key('pass', pass), holder, 'EX', PASS_TTL_SECONDS, 'NX');
    return pass;
  }

  async isValid(pass: string | undefined): Promise<boolean> {
    if (pass === undefined || !TOKEN_FORMAT.test(pass)) {
      return false;
    }
    return (await this.redis.exists(this.key('pass', pass))) === 1;
  }
}
