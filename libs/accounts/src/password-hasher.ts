import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';

/** Password length bounds: long enough to matter, short enough that hashing cannot be abused. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), PHC strings in the database. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, { type: argon2id });
  }

  /**
   * Checks a password. Without a stored hash (unknown email) it still runs one verification
   * against a throwaway hash, so response times do not tell which emails have accounts.
   */
  async verify(storedHash: string | null, password: string): Promise<boolean> {
    if (storedHash === null) {
      this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
      await verify(await this.dummyHash, password);
      return false;
    }
    return verify(storedHash, password);
  }
}
