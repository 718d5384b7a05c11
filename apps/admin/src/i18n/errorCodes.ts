/** API error codes the console explains in the user's language (`app.error.<code>`). */
export const TRANSLATED_ERROR_CODES = [
  'auth.invalid_credentials',
  'auth.too_many_attempts',
  'auth.account_disabled',
  'auth.invalid_token',
  'auth.missing_token',
  'access.permission_denied',
  'access.not_channel_member',
  'access.channel_not_found',
  'access.no_channel',
  'campaign.not_found',
  'campaign.invalid',
  'campaign.version_conflict',
  'campaign.not_approved',
  'campaign.wrong_approval_state',
  'campaign.not_published',
  'campaign.archived',
  'campaign.published_cannot_archive',
  'campaign.revision_not_found',
  'campaign.unmanaged_not_found',
  'campaign.already_imported',
  'campaign.calendar_not_found',
  'campaign.kakao_unavailable',
  'channel.version_conflict',
  'channel.invalid_settings',
  'user.email_taken',
  'user.version_conflict',
  'user.self_lockout',
  'user.invalid_memberships',
  'user.account_wide_forbidden',
  'user.weak_password',
  'user.current_password_invalid',
  'blast.not_found',
  'blast.run_not_found',
  'blast.invalid',
  'blast.wrong_state',
  'blast.test_send_failed',
  'recipient.not_found',
  'recipient.version_conflict',
  'recipient.invalid',
  'recipient.import_invalid',
  'recipient.import_not_found',
  'audience.not_found',
  'audience.invalid',
  'audience.version_conflict',
  'audience.in_use',
  'audience.not_static',
  'audience.name_taken',
  'webhook.not_found',
  'webhook.delivery_not_found',
  'webhook.invalid',
  'webhook.version_conflict',
  'webhook.delivery_pending',
  'validation_failed',
  'not_found',
  'forbidden',
  'too_many_requests',
  'internal_error',
] as const;

export type TranslatedErrorCode = (typeof TRANSLATED_ERROR_CODES)[number];

export function isTranslatedErrorCode(code: string): code is TranslatedErrorCode {
  return (TRANSLATED_ERROR_CODES as readonly string[]).includes(code);
}

/** `campaign.version_conflict` → `app.error.campaign.version_conflict`. */
export function errorMessageKey(code: TranslatedErrorCode): string {
  return `app.error.${code}`;
}
