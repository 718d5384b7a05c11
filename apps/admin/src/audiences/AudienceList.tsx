import { Stack, Tooltip, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { audienceFilters } from '@admin/audiences/audienceFilters';
import { type Audience } from '@admin/audiences/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
    </TopToolbar>
  );
}

/** Who can be messaged now, and everyone who matches when that differs (opt-outs). */
export function SizeField() {
  const audience = useRecordContext<Audience>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!audience?.size) {
    return <span>—</span>;
  }
  const number = new Intl.NumberFormat(locale);
  const { count, matching } = audience.size;
  return (
    <Tooltip title={translate('app.audience_members.size_hint')}>
      <Stack spacing={0.25} data-testid="audience-size" data-count={count}>
        <span>{number.format(count)}</span>
        {matching !== count ? (
          <Typography variant="caption" color="text.secondary">
            {translate('app.audience_members.matching', { matching: number.format(matching) })}
          </Typography>
        ) : null}
      </Stack>
    </Tooltip>
  );
}

/** Segments of the channel's recipients: rules (dynamic) or listed members (static). */
export function AudienceList() {
  const zoned = useZonedLabel();
  return (
    <List
      filters={audienceFilters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={<Actions />}
      exporter={false}
    >
      <DataTable<Audience> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumChipField source="kind" enumName="audienceKind" />
        </DataTable.Col>
        <DataTable.Col source="size" label="app.audience_members.size" disableSort>
          <SizeField />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="updatedAt" label={zoned('resources.audiences.fields.updatedAt')}>
          <ZonedDateField source="updatedAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
