import { SearchInput, SelectInput, TextInput } from 'react-admin';

import { CHANNEL_RELATIONS, CONSENT_STATES, RECIPIENT_SOURCES } from '@admin/recipients/types';
import { enumChoices } from '@admin/shared/enumChoices';

/** The filters `GET /api/recipients` understands: q is a nickname or an exact Kakao user id. */
export const recipientFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="consentState"
    source="consentState"
    choices={enumChoices('consentState', CONSENT_STATES)}
    alwaysOn
  />,
  <SelectInput
    key="channelRelation"
    source="channelRelation"
    choices={enumChoices('channelRelation', CHANNEL_RELATIONS)}
    alwaysOn
  />,
  <TextInput key="tag" source="tag" />,
  <SelectInput
    key="source"
    source="source"
    choices={enumChoices('recipientSource', RECIPIENT_SOURCES)}
  />,
];
