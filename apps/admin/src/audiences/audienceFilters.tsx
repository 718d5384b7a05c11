import { BooleanInput, SearchInput, SelectInput } from 'react-admin';

import { AUDIENCE_KINDS } from '@admin/audiences/types';
import { enumChoices } from '@admin/shared/enumChoices';

export const audienceFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="kind"
    source="kind"
    choices={enumChoices('audienceKind', AUDIENCE_KINDS)}
    alwaysOn
  />,
  <BooleanInput key="archived" source="archived" />,
];
