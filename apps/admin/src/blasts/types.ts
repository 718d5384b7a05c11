// Blast records as the API answers them (apps/api/src/blasts/blast.response.ts, libs/blasts).

export const BLAST_STATES = ['draft', 'scheduled', 'active', 'finished', 'cancelled'] as const;
export type BlastState = (typeof BLAST_STATES)[number];

export const RUN_STATES = ['pending', 'sending', 'paused', 'completed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const PAUSE_REASONS = ['manual', 'quota', 'quiet_hours'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One recipient's delivery in one run; `unknown` is never resent without a person's say. */
export const DELIVERY_STATES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
  'unknown',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_MODES = ['send_to_me', 'friends'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const SCHEDULE_KINDS = ['now', 'at', 'recurring'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** `event`: a published campaign's public event; `calendar`: a subscribe calendar (5.3). */
export const ID_TYPES = ['event', 'calendar'] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface BlastButton {
  title: string;
  webUrl?: string;
  mobileWebUrl?: string;
}

export interface BlastMessage {
  idType: IdType;
  campaignId?: string;
  subscribeCalendarId?: string;
  title?: string;
  description?: string;
  imageUrl?: string;
  imageWidth?: number;
  imageHeight?: number;
  webUrl?: string;
  mobileWebUrl?: string;
  button?: BlastButton;
  /** Each recipient's links go through their own tracking link, so clicks are counted. */
  tracking?: boolean;
}

export interface BlastSchedule {
  kind: ScheduleKind;
  /** Local `YYYY-MM-DDTHH:mm` in `timeZone`. */
  at?: string;
  timeZone: string;
  rrule?: string;
  onlyNotReached?: boolean;
}

/** `POST /api/blasts` (CreateBlastDto). */
export interface BlastWrite {
  name: string;
  message: BlastMessage;
  audienceId: string;
  schedule: BlastSchedule;
  ratePerSecond: number;
  quietHours?: boolean;
  frequencyCap?: number;
  deliveryMode?: DeliveryMode;
  senderRecipientId?: string;
}

export interface Blast {
  id: string;
  name: string;
  state: BlastState;
  message: BlastMessage;
  kakaoTargetId: string;
  audienceId: string;
  schedule: BlastSchedule;
  ratePerSecond: number;
  quietHours: boolean;
  frequencyCap: number | null;
  deliveryMode: DeliveryMode;
  senderRecipientId: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface BlastRun {
  id: string;
  blastId: string;
  scheduledAt: string;
  state: RunState;
  pauseReason: PauseReason | null;
  resumeAt: string | null;
  recipientCount: number;
  fanoutDone: boolean;
  startedAt: string | null;
  finishedAt: string | null;
}

/** `GET /api/blast-runs/:id` and each event of its stream. */
export interface RunProgress {
  runId: string;
  state: RunState;
  pauseReason: PauseReason | null;
  resumeAt: string | null;
  total: number;
  counts: Record<DeliveryState, number>;
  done: number;
  percent: number;
  /** Messages per second over the last 10 seconds. */
  currentRate: number;
  /** Null while nothing is being sent (paused, or no rate yet). */
  etaSeconds: number | null;
}

export interface BlastDelivery {
  id: string;
  runId: string;
  recipientId: string;
  state: DeliveryState;
  attempts: number;
  kakaoCode: number | null;
  reason: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/** `POST /api/blasts/estimate`. */
export interface BlastEstimate {
  recipients: number;
  durationSeconds: number;
  /** Days Kakao's daily message quota spreads the blast over. */
  quotaDays: number;
  ratePerSecond: number;
  /** When the first sends wait for the channel's quiet hours: the instant the window ends. */
  quietUntil: string | null;
  /** Seconds of that wait, before `durationSeconds` of sending. */
  waitSeconds: number;
}

/** A run that may still change. */
export function isLiveRun(state: RunState | undefined): boolean {
  return state === 'pending' || state === 'sending' || state === 'paused';
}
