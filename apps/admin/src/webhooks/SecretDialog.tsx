import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { Button, useTranslate } from 'react-admin';

import { CopyButton } from '@admin/shared/CopyButton';

export interface SecretDialogProps {
  /** The secret to show; the dialog is closed while undefined. */
  secret: string | undefined;
  onClose: () => void;
}

/** The signing secret, shown once (after create or rotate): copy it now, it is never shown again. */
export function SecretDialog({ secret, onClose }: SecretDialogProps) {
  const translate = useTranslate();
  return (
    <Dialog open={secret !== undefined} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.webhooks.secret.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.webhooks.secret.once')}
        </Alert>
        <Typography
          data-testid="webhook-secret"
          component="code"
          sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all', mb: 2 }}
        >
          {secret}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.webhooks.secret.verify_hint')}
        </Typography>
      </DialogContent>
      <DialogActions>
        {secret ? <CopyButton text={secret} /> : null}
        <Button label="app.webhooks.secret.done" onClick={onClose} variant="contained" />
      </DialogActions>
    </Dialog>
  );
}
