import { Alert, Box, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { type Audience } from '@admin/audiences/types';
import { type Recipient } from '@admin/recipients/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useDebouncedValue } from '@admin/shared/useDebouncedValue';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function Empty({ kind }: { kind: Audience['kind'] }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" data-testid="audience-members-empty">
      {translate(`app.audience_members.empty_${kind}`)}
    </Alert>
  );
}

function NicknameField() {
  const recipient = useRecordContext<Recipient>();
  const translate = useTranslate();
  return recipient ? (
    <span>{recipient.nickname ?? translate('app.audience_members.no_nickname')}</span>
  ) : null;
}

/**
 * Who is in the audience now, a page at a time: the listed members of a static list, or whoever
 * a dynamic audience's rules match. Rows open the recipient.
 */
export function AudienceMembers() {
  const audience = useRecordContext<Audience>();
  const translate = useTranslate();
  const zoned = useZonedLabel();
  const createPath = useCreatePath();
  const { canAccess: canOpen } = useCanAccess({ resource: 'recipients', action: 'show' });
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  if (!audience) {
    return null;
  }
  return (
    <Box id="members" data-testid="audience-member-table">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6">
          {translate(`app.audience_members.title_${audience.kind}`)}
        </Typography>
        <TextField
          size="small"
          label={translate('app.audience_members.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          fullWidth={false}
          sx={{ width: 320 }}
        />
      </Stack>
      <ReferenceManyField
        reference="audience-members"
        target="audienceId"
        filter={q === '' ? {} : { q }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
        empty={q === '' ? <Empty kind={audience.kind} /> : undefined}
      >
        <DataTable<Recipient>
          bulkActionButtons={false}
          rowClick={(id) =>
            canOpen ? createPath({ resource: 'recipients', id, type: 'show' }) : false
          }
        >
          <DataTable.Col source="nickname" label="app.audience_members.nickname">
            <NicknameField />
          </DataTable.Col>
          <DataTable.Col source="kakaoUserId" label="app.audience_members.kakao_user_id" />
          <DataTable.Col source="consentState" label="app.audience_members.consent">
            <EnumChipField source="consentState" enumName="consentState" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label={zoned('app.audience_members.registered')}>
            <ZonedDateField source="createdAt" options={SHORT} named={false} />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}
