export enum ApprovalState {
  Draft = 'draft',
  Submitted = 'submitted',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** Where the campaign stands with Kakao's copy of it. */
export enum SyncState {
  Draft = 'draft',
  Publishing = 'publishing',
  Published = 'published',
  ChangedSincePublish = 'changed_since_publish',
  Unpublishing = 'unpublishing',
  Failed = 'failed',
}

/** What the last comparison with Kakao found. */
export enum KakaoState {
  Unknown = 'unknown',
  InSync = 'in_sync',
  Drifted = 'drifted',
  Missing = 'missing',
}

export enum OutboxAction {
  Publish = 'publish',
  Unpublish = 'unpublish',
}

export enum OutboxStatus {
  Pending = 'pending',
  Done = 'done',
  Failed = 'failed',
}

export enum ApprovalDecision {
  Submitted = 'submitted',
  Approved = 'approved',
  Rejected = 'rejected',
  /** Taken over from an event already live at Kakao: it counts as approved as it was. */
  Imported = 'imported',
}
