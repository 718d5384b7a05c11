import { type Translate } from '@admin/campaigns/recurrence';

/** Reasons the console itself writes into the ledger, by the key that names them. */
const KNOWN: Record<string, string> = {
  cancelled: 'cancelled',
  not_found: 'not_found',
  'recipient not found': 'not_found',
  revoked: 'revoked',
  needs_consent: 'needs_consent',
  no_token: 'no_token',
  'already reached by an earlier run of this blast': 'already_reached',
};

/** Reasons with a detail after a colon (`refresh_failed:KOE322`, `missing_scope:talk_message`). */
const WITH_DETAIL = new Set(['refresh_failed', 'missing_scope']);

const FREQUENCY_CAP = /^frequency cap: (\d+) calendar messages in 7 days$/;

/**
 * A ledger reason in the reader's language; Kakao's own error text (anything not written by the
 * console) is shown as Kakao sent it.
 */
export function deliveryReason(reason: string | null | undefined, translate: Translate): string {
  if (!reason) {
    return '—';
  }
  const key = KNOWN[reason];
  if (key) {
    return translate(`app.blasts.ledger.reasons.${key}`);
  }
  const cap = FREQUENCY_CAP.exec(reason);
  if (cap) {
    return translate('app.blasts.ledger.reasons.frequency_cap', { smart_count: Number(cap[1]) });
  }
  const colon = reason.indexOf(':');
  const prefix = colon > 0 ? reason.slice(0, colon) : '';
  if (WITH_DETAIL.has(prefix)) {
    return translate(`app.blasts.ledger.reasons.${prefix}`, { detail: reason.slice(colon + 1) });
  }
  return reason;
}
