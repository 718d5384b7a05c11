import { useMemo } from 'react';
import { Create } from 'react-admin';

import { AudienceForm } from '@admin/audiences/AudienceForm';
import {
  type AudienceFormValues,
  formToCreate,
  newAudienceValues,
} from '@admin/audiences/audienceValues';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';

/** A new audience; dates in its rules are days in the channel's time zone. */
export function AudienceCreate() {
  const { timeZone } = useCurrentChannel();
  const initial = useMemo(() => newAudienceValues(), []);
  return (
    <Create
      transform={(values: AudienceFormValues) => formToCreate(values, timeZone)}
      redirect="show"
    >
      <AudienceForm record={initial} creating />
    </Create>
  );
}
