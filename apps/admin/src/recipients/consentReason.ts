import { type Translate } from '@admin/campaigns/recurrence';

/** Reasons the API records, by their first part (`refresh_failed:KOE322` → `refresh_failed`). */
export const CONSENT_REASONS = [
  'opt_in',
  'ingest',
  'opted_out',
  'missing_scope',
  'refresh_failed',
] as const;

/**
 * Why the consent is what it is, in the user's language when the API's reason is a known one
 * (its detail, such as Kakao's error code, kept); otherwise as the API wrote it.
 */
export function consentReasonText(reason: string | null, translate: Translate): string | null {
  if (reason === null || reason === '') {
    return null;
  }
  const colon = reason.indexOf(':');
  const head = colon === -1 ? reason : reason.slice(0, colon);
  const detail = colon === -1 ? '' : reason.slice(colon + 1);
  if (!(CONSENT_REASONS as readonly string[]).includes(head)) {
    return reason;
  }
  const text = translate(`app.recipient.consent_reason.${head}`);
  return detail ? translate('app.recipient.consent_reason.with_detail', { text, detail }) : text;
}
