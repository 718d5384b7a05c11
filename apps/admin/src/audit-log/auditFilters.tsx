import { type ReactElement } from 'react';
import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';

import { useAuditActionLabel } from '@admin/audit-log/AuditChanges';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@admin/audit-log/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { enumChoices } from '@admin/shared/enumChoices';
import { zonedDayBound } from '@admin/shared/zonedDayInput';

/** Filters the API understands (it rejects others): type, action, who, record, and a day range. */
export function useAuditFilters(): ReactElement[] {
  const { timeZone } = useCurrentChannel();
  const actionLabel = useAuditActionLabel();
  const from = zonedDayBound(timeZone, 'start');
  const to = zonedDayBound(timeZone, 'end');
  const actions = AUDIT_ACTIONS.map((action) => ({ id: action, name: actionLabel(action) }));
  return [
    <SelectInput
      key="entityType"
      source="entityType"
      choices={enumChoices('entityType', AUDIT_ENTITY_TYPES)}
      alwaysOn
    />,
    <AutocompleteInput
      key="action"
      source="action"
      choices={actions}
      translateChoice={false}
      alwaysOn
      sx={{ minWidth: 220 }}
    />,
    <ReferenceInput key="actorUserId" source="actorUserId" reference="users" alwaysOn>
      <AutocompleteInput optionText="email" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <TextInput key="entityId" source="entityId" />,
    <DateInput key="from" source="from" parse={from.parse} format={from.format} />,
    <DateInput key="to" source="to" parse={to.parse} format={to.format} />,
  ];
}
