import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Which link of a calendar message a tracking token stands for. */
export enum TrackedLink {
  Content = 'c',
  Button = 'b',
}

export interface TrackingClaim {
  deliveryId: string;
  link: TrackedLink;
}

const SIGNATURE_BYTES = 12;
const TOKEN_PATTERN = /^([1-9][0-9]{0,18})([cb])([A-Za-z0-9_-]{16})$/;

/**
 * Signs and checks per-recipient tracking tokens: `<ledger row id><link><signature>`, short
 * enough for a message link. The signature (96 bits of HMAC-SHA256 under a key derived from the
 * console's secrets key) makes tokens unguessable, so a click can be trusted to be the
 * recipient's own.
 */
export class TrackingTokens {
  private readonly key: Buffer;

  constructor(secretsKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', secretsKey, '', 'kcc tracking links', 32));
  }

  sign(claim: TrackingClaim): string {
    return `${claim.deliveryId}${claim.link}${this.signature(claim)}`;
  }

  /** The claim of a well-formed, correctly signed token; `undefined` for anything else. */
  verify(token: string): TrackingClaim | undefined {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) {
      return undefined;
    }
    const claim = { deliveryId: match[1], link: match[2] as TrackedLink };
    const expected = Buffer.from(this.signature(claim), 'base64url');
    const given = Buffer.from(match[3], 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected) ? claim : undefined;
  }

  private signature(claim: TrackingClaim): string {
    return createHmac('sha256', this.key)
      .update(`${claim.deliveryId}:${claim.link}`)
      .digest()
      .subarray(0, SIGNATURE_BYTES)
      .toString('base64url');
  }
}
