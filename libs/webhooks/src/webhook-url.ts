import { ValidateBy, type ValidationOptions } from 'class-validator';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** Hosts that may be called over plain http: this machine only (development, tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `value` cannot be a webhook URL, or null when it can: https anywhere, http only to
 * localhost / 127.0.0.1 / [::1]; no user name or password in the URL; no fragment.
 */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return 'is required';
  }
  if (value.length > WEBHOOK_URL_MAX_LENGTH) {
    return `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an https URL';
  }
  if (url.username !== '' || url.password !== '') {
    return 'must not contain a user name or password';
  }
  if (url.hash !== '') {
    return 'must not contain a #fragment';
  }
  if (url.protocol === 'https:') {
    return null;
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    return null;
  }
  return url.protocol === 'http:'
    ? 'must use https (http only for localhost or 127.0.0.1)'
    : 'must be an https URL';
}

/** class-validator form of webhookUrlProblem; the message names the field and the reason. */
export function IsWebhookUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWebhookUrl',
      validator: {
        validate: (value: unknown) => webhookUrlProblem(value) === null,
        defaultMessage: (args) => `$property ${webhookUrlProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}
