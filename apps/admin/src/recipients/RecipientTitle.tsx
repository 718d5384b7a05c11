import { useRecordContext, useTranslate } from 'react-admin';

import { type Recipient } from '@admin/recipients/types';

export function RecipientTitle() {
  const recipient = useRecordContext<Recipient>();
  const translate = useTranslate();
  if (!recipient) {
    return null;
  }
  return (
    <span>
      {translate('resources.recipients.name', { smart_count: 1 })}{' '}
      {recipient.nickname ?? recipient.kakaoUserId}
    </span>
  );
}
