import { Typography } from '@mui/material';
import {
  DataTable,
  List,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { CsvImportButton } from '@admin/recipient-imports/CsvImportButton';
import { ErrorReportButton } from '@admin/recipient-imports/ErrorReportButton';
import { isImportFinished } from '@admin/recipient-imports/importProgress';
import { useImportReason } from '@admin/recipient-imports/importReasons';
import { type RecipientImport } from '@admin/recipient-imports/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useRefetchWhile } from '@admin/shared/useRefetchWhile';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function KindField() {
  const row = useRecordContext<RecipientImport>();
  const translate = useTranslate();
  if (!row) {
    return null;
  }
  return (
    <span>
      {translate(`app.enums.importKind.${row.kind}`)}
      {row.kind === 'recipient_fields' ? ` · ${translate(`app.enums.importMode.${row.mode}`)}` : ''}
    </span>
  );
}

function ReportField() {
  const row = useRecordContext<RecipientImport>();
  const importReason = useImportReason();
  if (!row || !isImportFinished(row)) {
    return null;
  }
  return row.error ? (
    <Typography variant="body2" color="error">
      {importReason(row.error)}
    </Typography>
  ) : (
    <ErrorReportButton importId={row.id} rejected={row.rowsRejected} />
  );
}

function ImportTable() {
  const { data, refetch } = useListContext<RecipientImport>();
  const zoned = useZonedLabel();
  useRefetchWhile(data?.some((row) => !isImportFinished(row)) ?? false, refetch);
  return (
    <DataTable<RecipientImport> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col
        source="createdAt"
        label={zoned('resources.recipient-imports.fields.createdAt')}
      >
        <ZonedDateField source="createdAt" named={false} />
      </DataTable.Col>
      <DataTable.Col source="fileName" disableSort />
      <DataTable.Col source="kind" disableSort>
        <KindField />
      </DataTable.Col>
      <DataTable.Col source="state" disableSort>
        <EnumChipField source="state" enumName="importState" />
      </DataTable.Col>
      <DataTable.NumberCol source="rowsRead" disableSort />
      <DataTable.NumberCol source="rowsAccepted" disableSort />
      <DataTable.NumberCol source="rowsRejected" disableSort />
      <DataTable.NumberCol source="rowsApplied" disableSort />
      <DataTable.Col source="errorsUrl" disableSort>
        <ReportField />
      </DataTable.Col>
    </DataTable>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <CsvImportButton />
    </TopToolbar>
  );
}

/** Every CSV import of the channel (recipient fields and static audience members), newest first. */
export function RecipientImportList() {
  return (
    <List
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
    >
      <ImportTable />
    </List>
  );
}
