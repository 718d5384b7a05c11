export enum BlastState {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Active = 'active',
  Finished = 'finished',
  Cancelled = 'cancelled',
}

export enum RunState {
  Pending = 'pending',
  Sending = 'sending',
  Paused = 'paused',
  Completed = 'completed',
  Cancelled = 'cancelled',
}

export enum PauseReason {
  Manual = 'manual',
  Quota = 'quota',
  QuietHours = 'quiet_hours',
}

/** One recipient's delivery in one run. */
export enum DeliveryState {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
  Skipped = 'skipped',
  /** The call may or may not have reached Kakao (a crash or a lost answer): never resent by itself. */
  Unknown = 'unknown',
}

export enum DeliveryMode {
  SendToMe = 'send_to_me',
  Friends = 'friends',
}

export const DELIVERY_STATES = Object.values(DeliveryState);
