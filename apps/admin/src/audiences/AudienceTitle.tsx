import { useRecordContext, useTranslate } from 'react-admin';

import { type Audience } from '@admin/audiences/types';

export function AudienceTitle() {
  const audience = useRecordContext<Audience>();
  const translate = useTranslate();
  if (!audience) {
    return null;
  }
  return (
    <span>
      {translate('resources.audiences.name', { smart_count: 1 })} “{audience.name}”
    </span>
  );
}
