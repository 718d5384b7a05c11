/** Whether we may message the recipient. */
export enum ConsentState {
  /** Consented through Kakao Login (or registered by the channel's backend); tokens work. */
  Active = 'active',
  /** A token refresh failed or Kakao answered -402: the person must consent again. */
  NeedsConsent = 'needs_consent',
  /** The person opted out (or was opted out by an operator); tokens are wiped. */
  Revoked = 'revoked',
}

/** The recipient's relation with the channel (Kakao 5.6), as last checked. */
export enum ChannelRelation {
  Added = 'ADDED',
  Blocked = 'BLOCKED',
  None = 'NONE',
  Unknown = 'UNKNOWN',
}

/** How the recipient first reached the console. */
export enum RecipientSource {
  OptIn = 'opt_in',
  Ingest = 'ingest',
}

/** What a streamed CSV import writes once every row is read. */
export enum ImportKind {
  /** Tags, attributes and time zones of known recipients. */
  RecipientFields = 'recipient_fields',
  /** Members of a static audience (a list of kakao user ids). */
  AudienceMembers = 'audience_members',
}

/** How imported tags and attributes meet the stored ones. */
export enum ImportMode {
  /** Tags are added, attributes merged key by key (default). */
  Merge = 'merge',
  /** Tags and attributes given in the file replace the stored ones. */
  Replace = 'replace',
}

export enum ImportState {
  /** The file is being received. */
  Uploading = 'uploading',
  /** Received and waiting for a worker. */
  Queued = 'queued',
  /** Rows are being read, checked and staged. */
  Processing = 'processing',
  /** Every accepted row was written in one transaction. */
  Completed = 'completed',
  /** Nothing was written (bad file, or an error that retries did not cure). */
  Failed = 'failed',
}
