import { ValidateBy, type ValidationOptions } from 'class-validator';

import {
  isAdmittedHost,
  isLocalHost,
  WEBHOOK_TARGET_REFUSED,
  type WebhookEgressPolicy,
  webhookHostOf,
} from './webhook-egress';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * Why `value` cannot be a webhook URL, or null when it can: https, or http to a local target
 * (a loopback or private address, `localhost`); no user name or password; no fragment. Whether
 * a local target is admitted at all is the egress policy's call (`webhookTargetProblem`).
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
  if (url.hash !== '' || value.includes('#')) {
    return 'must not contain a #fragment';
  }
  if (url.protocol === 'https:') {
    return null;
  }
  if (url.protocol === 'http:' && isLocalHost(webhookHostOf(url))) {
    return null;
  }
  return url.protocol === 'http:'
    ? 'must use https (http only for local targets the operator admits)'
    : 'must be an https URL';
}

/**
 * The URL as it is stored and shown: the WHATWG serialization, so `http://0x7f000001/` or
 * `HTTPS://Example.COM` read as what they reach (`http://127.0.0.1/`, `https://example.com/`).
 */
export function normalizeWebhookUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    return value;
  }
}

/**
 * Why the policy refuses a well-formed webhook URL as written (its literal host), or null. The
 * addresses a name resolves to are checked again on every connection.
 */
export function webhookTargetProblem(value: string, policy: WebhookEgressPolicy): string | null {
  return isAdmittedHost(webhookHostOf(new URL(value)), policy) ? null : WEBHOOK_TARGET_REFUSED;
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
