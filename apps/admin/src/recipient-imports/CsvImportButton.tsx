import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import {
  Button,
  type Identifier,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { ImportProgress } from '@admin/recipient-imports/ImportProgress';
import { useImportReason } from '@admin/recipient-imports/importReasons';
import {
  IMPORT_MODES,
  type ImportMode,
  type ImportTarget,
  type RecipientImport,
} from '@admin/recipient-imports/types';

interface DialogProps {
  audienceId?: Identifier;
  onClose: () => void;
}

function CsvImportDialog({ audienceId, onClose }: DialogProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const importReason = useImportReason();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [importId, setImportId] = useState<Identifier | null>(null);
  const forAudience = audienceId !== undefined;
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const target: ImportTarget = forAudience
        ? { kind: 'audience', audienceId: String(audienceId) }
        : { kind: 'recipients', mode };
      return dataProvider.importCsv(target, chosen);
    },
    onSuccess: ({ data }) => setImportId(data.id),
    onError: (error: Error) => {
      const message = importReason(error.message);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  const finished = useCallback(
    (recipientImport: RecipientImport) => {
      notify(
        recipientImport.state === 'completed'
          ? 'app.import.notifications.completed'
          : 'app.import.notifications.failed',
        {
          type: recipientImport.state === 'completed' ? 'success' : 'error',
          messageArgs: { smart_count: recipientImport.rowsApplied },
        },
      );
      refresh();
    },
    [notify, refresh],
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="csv-import-dialog">
      <DialogTitle>
        {translate(forAudience ? 'app.import.audience_title' : 'app.import.recipients_title')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText sx={{ whiteSpace: 'pre-line' }}>
            {translate(forAudience ? 'app.import.audience_help' : 'app.import.recipients_help')}
          </DialogContentText>
          {importId === null ? (
            <>
              <MuiButton
                component="label"
                variant="outlined"
                startIcon={<AttachFileIcon />}
                sx={{ alignSelf: 'flex-start', textTransform: 'none' }}
              >
                {file?.name ?? translate('app.import.choose_file')}
                <input
                  hidden
                  type="file"
                  accept=".csv,text/csv"
                  data-testid="csv-file"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </MuiButton>
              {forAudience ? null : (
                <RadioGroup
                  row
                  value={mode}
                  onChange={(event) => setMode(event.target.value as ImportMode)}
                >
                  {IMPORT_MODES.map((choice) => (
                    <FormControlLabel
                      key={choice}
                      value={choice}
                      control={<Radio size="small" />}
                      label={translate(`app.enums.importMode.${choice}`)}
                    />
                  ))}
                </RadioGroup>
              )}
            </>
          ) : (
            <ImportProgress importId={importId} onFinished={finished} />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose} data-testid="csv-import-close">
          {translate(importId === null ? 'ra.action.cancel' : 'app.common.close')}
        </MuiButton>
        {importId === null ? (
          <MuiButton
            variant="contained"
            startIcon={<UploadFileIcon />}
            disabled={file === null || upload.isPending}
            onClick={() => {
              if (file) {
                upload.mutate(file);
              }
            }}
            data-testid="csv-upload"
          >
            {translate('app.import.upload')}
          </MuiButton>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

export interface CsvImportButtonProps {
  /** A static audience's members; without it, recipients' tags, attributes and time zones. */
  audienceId?: Identifier;
}

/** Uploads a CSV and follows the import until the worker is done. */
export function CsvImportButton({ audienceId }: CsvImportButtonProps) {
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({
    resource: audienceId === undefined ? 'recipients' : 'audiences',
    action: 'import',
  });
  if (!canAccess) {
    return null;
  }
  return (
    <>
      <Button label="app.import.button" onClick={() => setOpen(true)} data-testid="csv-import">
        <UploadFileIcon />
      </Button>
      {open ? <CsvImportDialog audienceId={audienceId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
