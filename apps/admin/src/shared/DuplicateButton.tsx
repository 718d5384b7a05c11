import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';

/** Campaign and blast names have at most this many characters. */
const NAME_MAX = 100;

/** "<name> (copy)" in the user's language, shortened to fit the name limit. */
export function copyName(name: string, suffix: string): string {
  const tail = ` (${suffix})`;
  return `${[...name.trim()]
    .slice(0, NAME_MAX - [...tail].length)
    .join('')
    .trimEnd()}${tail}`;
}

/** Makes a new draft from this campaign or blast and opens it; whoever may create may copy. */
export function DuplicateButton({ resource }: { resource: 'campaigns' | 'blasts' }) {
  const record = useRecordContext<{ id: string; name: string }>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  const { mutate, isPending } = useMutation({
    mutationFn: (source: { id: string; name: string }) =>
      dataProvider.duplicate(
        resource,
        source.id,
        copyName(source.name, translate('app.duplicate.suffix')),
      ),
    onSuccess: ({ data }) => {
      notify('app.duplicate.done', { type: 'success', messageArgs: { name: data.name } });
      redirect('show', resource, data.id);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record || !canAccess) {
    return null;
  }
  return (
    <Button
      label="app.duplicate.action"
      onClick={() => mutate(record)}
      disabled={isPending}
      data-testid="duplicate"
    >
      <ContentCopyIcon />
    </Button>
  );
}
