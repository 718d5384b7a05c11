import HistoryIcon from '@mui/icons-material/History';
import { Stack, Typography } from '@mui/material';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { CsvImportButton } from '@admin/recipient-imports/CsvImportButton';
import { CsvTemplateButton, ExportRecipientsButton } from '@admin/recipients/RecipientCsvButtons';
import { recipientFilters } from '@admin/recipients/recipientFilters';
import { SyncRelationsButton } from '@admin/recipients/SyncRelationsButton';
import { TagChips } from '@admin/recipients/TagChips';
import { type Recipient } from '@admin/recipients/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** The nickname (or a dash) with the Kakao user id underneath. */
function WhoField() {
  const recipient = useRecordContext<Recipient>();
  const translate = useTranslate();
  if (!recipient) {
    return null;
  }
  return (
    <Stack spacing={0.25}>
      <span>{recipient.nickname ?? translate('app.recipient.no_nickname')}</span>
      <Typography variant="caption" color="text.secondary">
        {recipient.kakaoUserId}
      </Typography>
    </Stack>
  );
}

function TagsField() {
  const recipient = useRecordContext<Recipient>();
  return recipient ? <TagChips tags={recipient.tags} /> : null;
}

function Actions() {
  const redirect = useRedirect();
  const { canAccess: canSeeImports } = useCanAccess({
    resource: 'recipient-imports',
    action: 'list',
  });
  return (
    <TopToolbar>
      <FilterButton />
      <SyncRelationsButton />
      <CsvImportButton />
      <CsvTemplateButton />
      <ExportRecipientsButton />
      {canSeeImports ? (
        <Button
          label="app.recipient.actions.import_history"
          onClick={() => redirect('list', 'recipient-imports')}
        >
          <HistoryIcon />
        </Button>
      ) : null}
    </TopToolbar>
  );
}

/** The channel's recipients: who may be messaged, their relation with the channel, their tags. */
export function RecipientList() {
  const zoned = useZonedLabel();
  return (
    <List
      filters={recipientFilters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<Actions />}
      exporter={false}
      perPage={25}
    >
      <DataTable<Recipient> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="nickname">
          <WhoField />
        </DataTable.Col>
        <DataTable.Col source="consentState">
          <EnumChipField source="consentState" enumName="consentState" />
        </DataTable.Col>
        <DataTable.Col source="channelRelation">
          <EnumChipField source="channelRelation" enumName="channelRelation" />
        </DataTable.Col>
        <DataTable.Col source="tags" disableSort>
          <TagsField />
        </DataTable.Col>
        <DataTable.Col
          source="lastDeliveredAt"
          label={zoned('resources.recipients.fields.lastDeliveredAt')}
        >
          <ZonedDateField source="lastDeliveredAt" options={SHORT} named={false} />
        </DataTable.Col>
        <DataTable.Col source="optedInAt" label={zoned('resources.recipients.fields.optedInAt')}>
          <ZonedDateField source="optedInAt" options={SHORT} named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
