import { useMemo } from 'react';
import { Edit, useRecordContext } from 'react-admin';

import { AudienceForm } from '@admin/audiences/AudienceForm';
import { AudienceTitle } from '@admin/audiences/AudienceTitle';
import {
  audienceToForm,
  type AudienceFormValues,
  formToUpdate,
} from '@admin/audiences/audienceValues';
import { type Audience } from '@admin/audiences/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';

function AudienceEditForm() {
  const audience = useRecordContext<Audience>();
  const { timeZone } = useCurrentChannel();
  const values = useMemo(
    () => (audience ? audienceToForm(audience, timeZone) : undefined),
    [audience, timeZone],
  );
  return values ? <AudienceForm record={values} creating={false} /> : null;
}

/** Saves wait for the API (its errors land on the rule they name) and send the version. */
export function AudienceEdit() {
  const { timeZone } = useCurrentChannel();
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(values: AudienceFormValues) => formToUpdate(values, timeZone)}
      redirect="show"
      title={<AudienceTitle />}
    >
      <AudienceEditForm />
    </Edit>
  );
}
