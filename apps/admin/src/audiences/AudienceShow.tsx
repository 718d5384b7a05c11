import ArchiveIcon from '@mui/icons-material/Archive';
import { Box, Stack, Typography } from '@mui/material';
import {
  ChipField,
  DeleteButton,
  EditButton,
  Labeled,
  ReferenceArrayField,
  Show,
  SingleFieldList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { AudienceMembers } from '@admin/audiences/AudienceMembers';
import { AudienceTitle } from '@admin/audiences/AudienceTitle';
import { SavedSize } from '@admin/audiences/LiveSizePanel';
import { MembersPanel } from '@admin/audiences/MembersPanel';
import { RuleTree } from '@admin/audiences/RuleTree';
import { type Audience } from '@admin/audiences/types';
import { CsvImportButton } from '@admin/recipient-imports/CsvImportButton';
import { EnumChipField } from '@admin/shared/EnumChip';
import { ZonedDateField } from '@admin/time/ZonedDateField';

function Actions() {
  const audience = useRecordContext<Audience>();
  if (!audience || audience.archived) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      <EditButton />
      {audience.kind === 'static' ? <CsvImportButton audienceId={audience.id} /> : null}
      <DeleteButton
        mutationMode="pessimistic"
        label="app.audience.actions.archive"
        icon={<ArchiveIcon />}
        confirmTitle="app.audience.dialogs.archive_title"
        confirmContent="app.audience.dialogs.archive_content"
        translateOptions={{ name: audience.name }}
        redirect="list"
      />
    </TopToolbar>
  );
}

function Definition() {
  const audience = useRecordContext<Audience>();
  const translate = useTranslate();
  if (!audience) {
    return null;
  }
  const { exclude } = audience;
  return (
    <>
      {audience.kind === 'dynamic' && audience.rules ? (
        <Box>
          <Typography variant="h6">{translate('app.audience.sections.rules')}</Typography>
          <RuleTree group={audience.rules} />
        </Box>
      ) : null}
      <Box>
        <Typography variant="h6">{translate('app.audience.sections.exclusions')}</Typography>
        {exclude.audienceIds.length === 0 && !exclude.rules ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.audience.no_exclusions')}
          </Typography>
        ) : null}
        {exclude.audienceIds.length > 0 ? (
          <ReferenceArrayField source="exclude.audienceIds" reference="audiences">
            <SingleFieldList linkType="show">
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        ) : null}
        {exclude.rules ? <RuleTree group={exclude.rules} /> : null}
      </Box>
    </>
  );
}

function Size() {
  const audience = useRecordContext<Audience>();
  return audience ? (
    <Box sx={{ maxWidth: 360 }}>
      <SavedSize id={audience.id} />
    </Box>
  ) : null;
}

export function AudienceShow() {
  return (
    <Show actions={<Actions />} title={<AudienceTitle />}>
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled source="kind">
            <EnumChipField source="kind" enumName="audienceKind" />
          </Labeled>
          <Labeled source="description">
            <TextField source="description" emptyText="—" />
          </Labeled>
          <Labeled source="updatedAt">
            <ZonedDateField source="updatedAt" />
          </Labeled>
        </Stack>
        <Size />
        <Definition />
        <AudienceMembers />
        <MembersPanel />
      </Box>
    </Show>
  );
}
