import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn's scale is 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

/** The API's reason for a refused password (the admin UI translates it by this wording). */
export const WEAK_PASSWORD_REASON =
  'is too easy to guess: use a longer passphrase or an uncommon mix of words';

// Only the first characters are scored: the estimate's cost grows with length, and a password
// this long whose start is weak is still refused.
const SCORED_LENGTH = 128;

let estimator: ZxcvbnFactory | undefined;

/**
 * How guessable a password is, with zxcvbn (common passwords, dictionary words, keyboard walks,
 * repeats, dates, l33t) and the account's own words (email, name). Built on first use: loading
 * the dictionaries takes a moment that processes which never set passwords should not pay.
 */
export function passwordScore(password: string, accountWords: readonly string[] = []): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
    maxLength: SCORED_LENGTH,
  });
  // The whole value, the email's local part, and each word of either.
  const words = accountWords.flatMap((word) => [
    word,
    word.split('@')[0] ?? word,
    ...word.split(/[@.\s_+-]+/),
  ]);
  return estimator.check(
    password,
    words.filter((word) => word.length >= 3),
  ).score;
}

/**
 * The policy for passwords people choose (user create, password change): 12–256 characters (the
 * DTOs) and a zxcvbn score of at least PASSWORD_MIN_SCORE. The operator-run seeds (demo users,
 * test factories) set passwords through `UsersService.provision`, which does not apply it.
 */
export function isStrongPassword(password: string, accountWords: readonly string[] = []): boolean {
  return passwordScore(password, accountWords) >= PASSWORD_MIN_SCORE;
}
