import { type DeliveryState, type RecipientDeliveryRow } from '@app/blasts';

export interface RecipientDeliveryResponse {
  id: string;
  runId: string;
  runScheduledAt: string;
  runState: string;
  blastId: string;
  blastName: string;
  state: DeliveryState;
  attempts: number;
  /** Kakao's error code when it refused the message. */
  kakaoCode: number | null;
  /** Kakao's message, or why the delivery was skipped. */
  reason: string | null;
  sentAt: string | null;
  updatedAt: string;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toRecipientDeliveryResponse(row: RecipientDeliveryRow): RecipientDeliveryResponse {
  return {
    id: String(row.id),
    runId: row.runId,
    runScheduledAt: iso(row.runScheduledAt)!,
    runState: row.runState,
    blastId: row.blastId,
    blastName: row.blastName,
    state: row.state,
    attempts: row.attempts,
    kakaoCode: row.kakaoCode,
    reason: row.reason,
    sentAt: iso(row.sentAt),
    updatedAt: iso(row.updatedAt)!,
  };
}
