// CSV imports as the API answers them (libs/recipients/src/recipient.dto.ts).

export const IMPORT_STATES = ['uploading', 'queued', 'processing', 'completed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const IMPORT_KINDS = ['recipient_fields', 'audience_members'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['merge', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface RecipientImport {
  id: string;
  channelId: string;
  kind: ImportKind;
  /** The static audience an `audience_members` import fills. */
  targetId: string | null;
  mode: ImportMode;
  state: ImportState;
  fileName: string | null;
  bytesReceived: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsApplied: number;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  errorsUrl: string;
}

/** Where a CSV goes: recipients' tags and attributes, or the members of a static audience. */
export type ImportTarget =
  { kind: 'recipients'; mode: ImportMode } | { kind: 'audience'; audienceId: string };
