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

async function excerpt(response: Response): Promise<string | null> {
  if (!response.body) {
    return null;
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(Buffer.from(value));
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
  // A character cut in half at the limit becomes U+FFFD rather than failing the attempt.
  return bytes.length > 0 ? new TextDecoder('utf-8').decode(bytes) : null;
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
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

/** One signed POST. Any 2xx delivers; anything else (or no answer) is a failed attempt. */
export async function postWebhook(request: WebhookRequest): Promise<WebhookAttemptResult> {
  const startedAt = request.now ?? new Date();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const began = performance.now();
  const elapsed = (): number => Math.round(performance.now() - began);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: webhookHeaders(request, timestamp),
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const responseBody = await excerpt(response).catch(() => null);
    const delivered = response.status >= 200 && response.status < 300;
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: response.status,
      error: delivered ? null : `HTTP ${response.status}`,
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
