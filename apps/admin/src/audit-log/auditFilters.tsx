import { type ReactElement } from 'react';
import { DateInput, SelectInput, TextInput } from 'react-admin';

import { AUDIT_ENTITY_TYPES } from '@admin/audit-log/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { enumChoices } from '@admin/shared/enumChoices';
import { zonedDayBound } from '@admin/shared/zonedDayInput';

/** Filters the API understands (it rejects others): type, record, action, and a day range. */
export function useAuditFilters(): ReactElement[] {
  const { timeZone } = useCurrentChannel();
  const from = zonedDayBound(timeZone, 'start');
  const to = zonedDayBound(timeZone, 'end');
  return [
    <SelectInput
      key="entityType"
      source="entityType"
      choices={enumChoices('entityType', AUDIT_ENTITY_TYPES)}
      alwaysOn
    />,
    <TextInput key="action" source="action" alwaysOn />,
    <TextInput key="entityId" source="entityId" />,
    <DateInput key="from" source="from" parse={from.parse} format={from.format} />,
    <DateInput key="to" source="to" parse={to.parse} format={to.format} />,
  ];
}
