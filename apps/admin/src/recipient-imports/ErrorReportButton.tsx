import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type Identifier, useDataProvider, useNotify, useTranslate } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { translateErrorReport } from '@admin/recipient-imports/importReasons';
import { blobText, downloadBlob } from '@admin/shared/downloadBlob';

export interface ErrorReportButtonProps {
  importId: Identifier;
  rejected: number;
}

/**
 * A download link for the rejected rows and their reasons (`row,kakao_user_id,reason`), fetched
 * with the session's headers (a plain link would carry no token) and written in the reader's
 * language.
 */
export function ErrorReportButton({ importId, rejected }: ErrorReportButtonProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { mutate, isPending } = useMutation({
    mutationFn: async () => {
      const { data } = await dataProvider.importErrors(importId);
      const csv = translateErrorReport(await blobText(data), translate);
      return new Blob([csv], { type: 'text/csv;charset=utf-8' });
    },
    onSuccess: (report) => downloadBlob(report, `import-${String(importId)}-errors.csv`),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (rejected === 0) {
    return null;
  }
  return (
    <Button
      size="small"
      color="warning"
      startIcon={<DownloadIcon />}
      onClick={(event) => {
        event.stopPropagation();
        mutate();
      }}
      disabled={isPending}
      data-testid="import-error-report"
    >
      {translate('app.import.error_report', { smart_count: rejected })}
    </Button>
  );
}
