import { type Dispatcher, request as httpRequest } from 'undici';

import { WebhookEgressRefusedError } from './webhook-egress';
import { signWebhook } from './webhook-signature';

/** At most this much of an answer's body is kept in the attempt log. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  /** The raw JSON body, exactly as signed. */
  body: string;
  timeoutMs: number;
  now?: Date;
}

export interface WebhookAttemptResult {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  delivered: boolean;
}

/** The headers of one attempt; the timestamp is signed with the body. */
export function webhookHeaders(request: WebhookRequest, timestamp: number): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'kakao-campaign-console-webhooks/1',
    'X-Kcc-Event': request.eventType,
    'X-Kcc-Delivery': request.deliveryId,
    'X-Kcc-Timestamp': String(timestamp),
    'X-Kcc-Signature': signWebhook(request.secret, timestamp, request.body),
  };
}

async function excerpt(body: Dispatcher.ResponseData['body']): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(bytes);
      size += bytes.byteLength;
      if (size >= RESPONSE_EXCERPT_BYTES) {
        break;
      }
    }
  } finally {
    body.destroy();
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
  // A character cut in half at the limit becomes U+FFFD rather than failing the attempt.
  return bytes.length > 0 ? new TextDecoder('utf-8').decode(bytes) : null;
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof WebhookEgressRefusedError) {
    return error.message;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? `${cause.code}: ` : '';
  const message =
    error instanceof Error && error.cause instanceof Error
      ? error.cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  return `${code}${message}`.slice(0, 500);
}

/**
 * One signed POST through `dispatcher` (the egress policy's, see createWebhookDispatcher). Any
 * 2xx delivers; anything else (or no answer) is a failed attempt. Redirects are not followed and
 * their bodies are not kept: what the target hands on is not ours to show.
 */
export async function postWebhook(
  request: WebhookRequest,
  dispatcher: Dispatcher,
): Promise<WebhookAttemptResult> {
  const startedAt = request.now ?? new Date();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const began = performance.now();
  const elapsed = (): number => Math.round(performance.now() - began);
  try {
    const response = await httpRequest(request.url, {
      method: 'POST',
      headers: webhookHeaders(request, timestamp),
      body: request.body,
      dispatcher,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const status = response.statusCode;
    const redirected = status >= 300 && status < 400;
    const responseBody = redirected ? null : await excerpt(response.body).catch(() => null);
    if (redirected) {
      await response.body.dump().catch(() => undefined);
    }
    const delivered = status >= 200 && status < 300;
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: status,
      error: delivered
        ? null
        : redirected
          ? `HTTP ${status} (redirects are not followed)`
          : `HTTP ${status}`,
      responseBody,
      delivered,
    };
  } catch (error) {
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: null,
      error: describe(error, request.timeoutMs),
      responseBody: null,
      delivered: false,
    };
  }
}
