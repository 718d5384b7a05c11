import { Show, TabbedShowLayout, useCanAccess, useShowContext } from 'react-admin';

import { CampaignTitle } from '@admin/campaigns/CampaignTitle';
import { ApprovalHistory } from '@admin/campaigns/show/ApprovalHistory';
import { CampaignAuditTrail } from '@admin/campaigns/show/CampaignAuditTrail';
import { CampaignShowActions } from '@admin/campaigns/show/CampaignShowActions';
import { CampaignSummary } from '@admin/campaigns/show/CampaignSummary';
import { KakaoCopyPanel } from '@admin/campaigns/show/KakaoCopyPanel';
import { RevisionHistory } from '@admin/campaigns/show/RevisionHistory';
import { SharePanel } from '@admin/campaigns/show/SharePanel';
import { type Campaign } from '@admin/campaigns/types';
import { useRefetchWhile } from '@admin/shared/useRefetchWhile';

/** While the worker publishes or unpublishes, reload until it is done. */
function FollowTheWorker() {
  const { record, refetch } = useShowContext<Campaign>();
  useRefetchWhile(
    record?.syncState === 'publishing' || record?.syncState === 'unpublishing',
    refetch,
  );
  return null;
}

export function CampaignShow() {
  const { canAccess: canReadAudit } = useCanAccess({ resource: 'audit-log', action: 'list' });
  return (
    <Show actions={<CampaignShowActions />} title={<CampaignTitle />}>
      <FollowTheWorker />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.campaign.tabs.summary">
          <CampaignSummary />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.campaign.tabs.kakao" path="kakao">
          <KakaoCopyPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.campaign.tabs.revisions" path="revisions">
          <RevisionHistory />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.campaign.tabs.approvals" path="approvals">
          <ApprovalHistory />
        </TabbedShowLayout.Tab>
        {canReadAudit ? (
          <TabbedShowLayout.Tab label="app.campaign.tabs.audit" path="audit">
            <CampaignAuditTrail />
          </TabbedShowLayout.Tab>
        ) : null}
        <TabbedShowLayout.Tab label="app.campaign.tabs.share" path="share">
          <SharePanel />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
