import DownloadIcon from '@mui/icons-material/Download';
import TableViewIcon from '@mui/icons-material/TableView';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
} from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { type Recipient } from '@admin/recipients/types';
import { downloadBlob } from '@admin/shared/downloadBlob';

/**
 * The columns a recipient import reads: the id, tags separated by `|`, an IANA zone; any other
 * column is an attribute. The import takes the BOM that spreadsheet programs write.
 */
export const IMPORT_TEMPLATE = '\uFEFFkakao_user_id,tags,time_zone\r\n';

/** An empty import file with the right header row, for those who may import. */
export function CsvTemplateButton() {
  const { canAccess } = useCanAccess({ resource: 'recipients', action: 'import' });
  if (!canAccess) {
    return null;
  }
  return (
    <Button
      label="app.recipient_csv.template"
      onClick={() =>
        downloadBlob(
          new Blob([IMPORT_TEMPLATE], { type: 'text/csv;charset=utf-8' }),
          'recipients-import-template.csv',
        )
      }
      data-testid="recipients-template"
    >
      <TableViewIcon />
    </Button>
  );
}

/** Every recipient the list shows now (its filters and sort, all pages) as CSV. */
export function ExportRecipientsButton() {
  const { sort, total, ...list } = useListContext<Recipient>();
  const filter = list.filterValues as object;
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.exportRecipients({ filter, sort, locale }),
    onSuccess: ({ data }) =>
      downloadBlob(data, `recipients-${new Date().toISOString().slice(0, 10)}.csv`),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button
      label="app.recipient_csv.export"
      onClick={() => mutate()}
      disabled={isPending || total === 0}
      data-testid="recipients-export"
    >
      <DownloadIcon />
    </Button>
  );
}
