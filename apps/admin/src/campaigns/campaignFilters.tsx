import { type ReactElement } from 'react';
import { BooleanInput, DateInput, SearchInput, SelectInput, TextInput } from 'react-admin';

import { APPROVAL_STATES, KAKAO_STATES, SYNC_STATES } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { enumChoices } from '@admin/shared/enumChoices';
import { zonedDayBound } from '@admin/shared/zonedDayInput';

/** The campaign list's filters; the date range is in the channel's time zone. */
export function useCampaignFilters(): ReactElement[] {
  const { timeZone } = useCurrentChannel();
  const from = zonedDayBound(timeZone, 'start');
  const to = zonedDayBound(timeZone, 'end');
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="syncState"
      source="syncState"
      choices={enumChoices('syncState', SYNC_STATES)}
      alwaysOn
    />,
    <SelectInput
      key="approvalState"
      source="approvalState"
      choices={enumChoices('approvalState', APPROVAL_STATES)}
      alwaysOn
    />,
    <SelectInput
      key="kakaoState"
      source="kakaoState"
      choices={enumChoices('kakaoState', KAKAO_STATES)}
    />,
    <TextInput key="tag" source="tag" />,
    <DateInput key="startsFrom" source="startsFrom" parse={from.parse} format={from.format} />,
    <DateInput key="startsTo" source="startsTo" parse={to.parse} format={to.format} />,
    <BooleanInput key="archived" source="archived" />,
  ];
}
