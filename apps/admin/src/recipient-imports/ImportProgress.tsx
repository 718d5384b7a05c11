import { Alert, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { type Identifier, useGetOne, useTranslate } from 'react-admin';

import { ErrorReportButton } from '@admin/recipient-imports/ErrorReportButton';
import {
  importPollInterval,
  importProgressView,
  isImportFinished,
} from '@admin/recipient-imports/importProgress';
import { useImportReason } from '@admin/recipient-imports/importReasons';
import { type RecipientImport } from '@admin/recipient-imports/types';
import { EnumValueChip } from '@admin/shared/EnumChip';

export interface ImportProgressProps {
  importId: Identifier;
  /** Called once when the worker is done (completed or failed). */
  onFinished?: (recipientImport: RecipientImport) => void;
}

/**
 * Follows an import the worker runs: asks for its progress every second until it is completed or
 * failed, then offers the report of the rejected rows.
 */
export function ImportProgress({ importId, onFinished }: ImportProgressProps) {
  const translate = useTranslate();
  const importReason = useImportReason();
  const { data } = useGetOne<RecipientImport>(
    'recipient-imports',
    { id: String(importId) },
    { refetchInterval: (query) => importPollInterval(query.state.data) },
  );
  const reported = useRef<Identifier | null>(null);
  useEffect(() => {
    if (data && isImportFinished(data) && reported.current !== data.id) {
      reported.current = data.id;
      onFinished?.(data);
    }
  }, [data, onFinished]);
  if (!data) {
    return <LinearProgress aria-label={translate('app.common.loading')} />;
  }
  const view = importProgressView(data);
  return (
    <Stack spacing={1} data-testid="import-progress" data-state={data.state}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flex: 1, wordBreak: 'break-all' }}>
          {data.fileName ?? translate('app.import.no_file_name')}
        </Typography>
        <EnumValueChip enumName="importState" value={data.state} />
      </Stack>
      <LinearProgress
        variant={view.percent === null ? 'indeterminate' : 'determinate'}
        value={view.percent ?? 0}
        color={view.color}
        aria-label={translate(`app.enums.importState.${data.state}`)}
        data-testid="import-progress-bar"
      />
      <Typography variant="body2" data-testid="import-summary">
        {translate(view.message, view.args)}
      </Typography>
      {data.error ? (
        <Alert severity="error" data-testid="import-error">
          {importReason(data.error)}
        </Alert>
      ) : null}
      {view.finished && view.hasErrorReport ? (
        <div>
          <ErrorReportButton importId={data.id} rejected={data.rowsRejected} />
        </div>
      ) : null}
    </Stack>
  );
}
