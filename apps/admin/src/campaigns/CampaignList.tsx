import RepeatIcon from '@mui/icons-material/Repeat';
import { Chip, Stack, Tooltip } from '@mui/material';
import {
  DataTable,
  List,
  useCanAccess,
  useListContext,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { BulkArchiveButton } from '@admin/campaigns/BulkArchiveButton';
import { BulkSubmitButton } from '@admin/campaigns/BulkSubmitButton';
import { useCampaignFilters } from '@admin/campaigns/campaignFilters';
import { CampaignListActions } from '@admin/campaigns/CampaignListActions';
import { type Campaign } from '@admin/campaigns/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useRefetchWhile } from '@admin/shared/useRefetchWhile';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { formatDate } from '@admin/time/zonedTime';

const IN_FLIGHT = new Set(['publishing', 'unpublishing']);

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** The name, a mark when it repeats, and its tags underneath. */
function NameField() {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <span>{record.name}</span>
        {record.content.rrule ? (
          <Tooltip title={translate('app.campaign.status.recurring')}>
            <RepeatIcon fontSize="inherit" color="action" />
          </Tooltip>
        ) : null}
      </Stack>
      {record.tags.length > 0 ? (
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
          {record.tags.map((tag) => (
            <Chip key={tag} label={tag} size="small" variant="outlined" sx={{ height: 20 }} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The start in the channel's zone; all-day campaigns show their first day. */
function StartField() {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) {
    return null;
  }
  if (record.content.allDay && record.content.startDate) {
    return (
      <span>
        {formatDate(record.content.startDate, locale)} · {translate('app.time.all_day')}
      </span>
    );
  }
  return <ZonedDateField source="startsAt" options={SHORT} named={false} />;
}

function CampaignTable() {
  const { data, refetch } = useListContext<Campaign>();
  useRefetchWhile(data?.some((campaign) => IN_FLIGHT.has(campaign.syncState)) ?? false, refetch);
  const { canAccess: canSubmit } = useCanAccess({ resource: 'campaigns', action: 'submit' });
  const { canAccess: canArchive } = useCanAccess({ resource: 'campaigns', action: 'delete' });
  const zoned = useZonedLabel();
  return (
    <DataTable<Campaign>
      rowClick="show"
      bulkActionButtons={
        canSubmit || canArchive ? (
          <>
            <BulkSubmitButton />
            <BulkArchiveButton />
          </>
        ) : (
          false
        )
      }
    >
      <DataTable.Col source="name">
        <NameField />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="startsAt" label={zoned('resources.campaigns.fields.startsAt')}>
        <StartField />
      </DataTable.Col>
      <DataTable.Col source="approvalState">
        <EnumChipField source="approvalState" enumName="approvalState" />
      </DataTable.Col>
      <DataTable.Col source="syncState">
        <EnumChipField source="syncState" enumName="syncState" />
      </DataTable.Col>
      <DataTable.Col source="kakaoState" disableSort>
        <EnumChipField source="kakaoState" enumName="kakaoState" />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" label={zoned('resources.campaigns.fields.updatedAt')}>
        <ZonedDateField source="updatedAt" options={SHORT} named={false} />
      </DataTable.Col>
    </DataTable>
  );
}

export function CampaignList() {
  const filters = useCampaignFilters();
  return (
    <List
      filters={filters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={<CampaignListActions />}
      exporter={false}
      perPage={25}
    >
      <CampaignTable />
    </List>
  );
}
