import { BooleanInput, SearchInput, SelectInput } from 'react-admin';

import { ROLES } from '@admin/access/permissions';
import { enumChoices } from '@admin/shared/enumChoices';

export const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('role', ROLES)} alwaysOn />,
  <BooleanInput key="disabled" source="disabled" />,
];
