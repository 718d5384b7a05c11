import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, useNotify } from 'react-admin';

export interface CopyButtonProps {
  text: string;
  label?: string;
}

/** Copies text to the clipboard and says so. */
export function CopyButton({ text, label = 'app.common.copy' }: CopyButtonProps) {
  const notify = useNotify();
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      notify('app.common.copied', { type: 'success' });
    } catch {
      notify('app.common.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Button label={label} onClick={() => void copy()} variant="outlined">
      <ContentCopyIcon />
    </Button>
  );
}
