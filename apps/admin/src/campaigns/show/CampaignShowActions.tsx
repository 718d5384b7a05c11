import ArchiveIcon from '@mui/icons-material/Archive';
import { DeleteButton, EditButton, TopToolbar, useRecordContext } from 'react-admin';

import { ApprovalButton } from '@admin/campaigns/show/ApprovalButton';
import { PublishButton, UnpublishButton } from '@admin/campaigns/show/PublishButtons';
import { UnarchiveButton } from '@admin/campaigns/show/UnarchiveButton';
import { type Campaign } from '@admin/campaigns/types';
import { DuplicateButton } from '@admin/shared/DuplicateButton';

/** The steps this role may take on this campaign now; the rest are hidden or disabled. */
export function CampaignShowActions() {
  const campaign = useRecordContext<Campaign>();
  const editable = campaign !== undefined && !campaign.archived;
  const archivable =
    editable && campaign.kakaoEventId === null && campaign.syncState !== 'publishing';
  return (
    <TopToolbar>
      {editable ? <EditButton /> : null}
      <ApprovalButton step="submit" />
      <ApprovalButton step="approve" />
      <ApprovalButton step="reject" />
      <PublishButton />
      <UnpublishButton />
      {archivable ? (
        <DeleteButton
          mutationMode="pessimistic"
          label="app.campaign.actions.archive"
          icon={<ArchiveIcon />}
          confirmTitle="app.campaign.dialogs.archive_title"
          confirmContent="app.campaign.dialogs.archive_content"
          translateOptions={{ smart_count: 1 }}
          successMessage="app.campaign.notifications.archived"
          redirect="list"
        />
      ) : null}
      <UnarchiveButton />
      <DuplicateButton resource="campaigns" />
    </TopToolbar>
  );
}
