import { type RecipientImport } from '@admin/recipient-imports/types';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

export function isImportFinished(recipientImport: RecipientImport | undefined): boolean {
  return recipientImport?.state === 'completed' || recipientImport?.state === 'failed';
}

/** react-query's `refetchInterval`: poll until the import is completed or failed. */
export function importPollInterval(
  recipientImport: RecipientImport | undefined,
  intervalMs = IMPORT_POLL_MS,
): number | false {
  return isImportFinished(recipientImport) ? false : intervalMs;
}

export interface ImportProgressView {
  finished: boolean;
  /** The bar: a percentage once finished, or null while the worker reads (the row count is unknown). */
  percent: number | null;
  color: 'primary' | 'success' | 'warning' | 'error';
  /** The summary line's translation key and its arguments. */
  message: string;
  args: Record<string, number>;
  /** Rows were rejected: the error report can be downloaded. */
  hasErrorReport: boolean;
}

/** What the progress bar of an import shows. */
export function importProgressView(recipientImport: RecipientImport): ImportProgressView {
  const args = {
    read: recipientImport.rowsRead,
    accepted: recipientImport.rowsAccepted,
    rejected: recipientImport.rowsRejected,
    applied: recipientImport.rowsApplied,
  };
  const finished = isImportFinished(recipientImport);
  const hasErrorReport = recipientImport.rowsRejected > 0;
  switch (recipientImport.state) {
    case 'completed':
      return {
        finished,
        percent: 100,
        color: hasErrorReport ? 'warning' : 'success',
        message: 'app.import.progress.completed',
        args,
        hasErrorReport,
      };
    case 'failed':
      return {
        finished,
        percent: 100,
        color: 'error',
        message: 'app.import.progress.failed',
        args,
        hasErrorReport,
      };
    case 'processing':
      return {
        finished,
        percent: null,
        color: 'primary',
        message: 'app.import.progress.processing',
        args,
        hasErrorReport: false,
      };
    case 'uploading':
    case 'queued':
      return {
        finished,
        percent: null,
        color: 'primary',
        message: 'app.import.progress.queued',
        args,
        hasErrorReport: false,
      };
  }
}
