import {
  CreateButton,
  DataTable,
  List,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { LatestRunProgress } from '@admin/blasts/LatestRunProgress';
import { type Blast } from '@admin/blasts/types';
import { useDescribeSchedule } from '@admin/blasts/useBlastText';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function ScheduleField() {
  const blast = useRecordContext<Blast>();
  const describeSchedule = useDescribeSchedule();
  return blast ? <span>{describeSchedule(blast.schedule)}</span> : null;
}

function TargetField() {
  const blast = useRecordContext<Blast>();
  const translate = useTranslate();
  return blast ? <span>{translate(`app.enums.idType.${blast.message.idType}`)}</span> : null;
}

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

/** Every blast of the channel, with its latest run's progress following the worker. */
export function BlastList() {
  const zoned = useZonedLabel();
  return (
    <List
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={<Actions />}
      exporter={false}
      perPage={25}
    >
      <DataTable<Blast> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="state">
          <EnumChipField source="state" enumName="blastState" />
        </DataTable.Col>
        <DataTable.Col source="message.idType" disableSort>
          <TargetField />
        </DataTable.Col>
        <DataTable.Col source="schedule.kind" disableSort>
          <ScheduleField />
        </DataTable.Col>
        <DataTable.Col source="progress" disableSort>
          <LatestRunProgress />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label={zoned('resources.blasts.fields.updatedAt')}>
          <ZonedDateField source="updatedAt" options={SHORT} named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
