import CloudOffIcon from '@mui/icons-material/CloudOff';
import PublishIcon from '@mui/icons-material/Publish';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useRecordContext } from 'react-admin';

import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type Campaign } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type ConsoleDataProvider } from '@admin/dataProvider';

/**
 * Whether publishing would do something now (the API's rule): the current revision approved unless
 * the channel turned approval off, and not already live as it is on Kakao.
 */
export function canPublishNow(campaign: Campaign, approvalRequired: boolean): boolean {
  if (
    campaign.archived ||
    campaign.syncState === 'publishing' ||
    campaign.syncState === 'unpublishing'
  ) {
    return false;
  }
  const upToDate =
    campaign.syncState === 'published' &&
    campaign.publishedRevision === campaign.revision &&
    campaign.kakaoState !== 'missing' &&
    campaign.kakaoState !== 'drifted';
  if (upToDate) {
    return false;
  }
  return (
    !approvalRequired ||
    (campaign.approvalState === 'approved' && campaign.approvedRevision === campaign.revision)
  );
}

/** Publish (or publish the changes) after a confirmation. */
export function PublishButton() {
  const campaign = useRecordContext<Campaign>();
  const { settings } = useCurrentChannel();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'publish' });
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.publish(id),
    'app.campaign.notifications.publish_requested',
    () => setOpen(false),
  );
  if (!campaign || !canAccess || campaign.archived) {
    return null;
  }
  const republish = campaign.kakaoEventId !== null;
  const enabled = canPublishNow(campaign, settings?.approvalRequired ?? true);
  return (
    <>
      <Button
        label={republish ? 'app.campaign.actions.republish' : 'app.campaign.actions.publish'}
        onClick={() => setOpen(true)}
        disabled={!enabled || isPending}
        data-testid="campaign-publish"
      >
        <PublishIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={
          republish ? 'app.campaign.dialogs.republish_title' : 'app.campaign.dialogs.publish_title'
        }
        titleTranslateOptions={{ name: campaign.name }}
        content={
          republish
            ? 'app.campaign.dialogs.republish_content'
            : 'app.campaign.dialogs.publish_content'
        }
        contentTranslateOptions={{ revision: campaign.revision }}
        confirm="app.campaign.actions.publish"
        onConfirm={() => mutate(campaign.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** Take the public event down after a confirmation; the draft stays. */
export function UnpublishButton() {
  const campaign = useRecordContext<Campaign>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'unpublish' });
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.unpublish(id),
    'app.campaign.notifications.unpublish_requested',
    () => setOpen(false),
  );
  if (!campaign || !canAccess || campaign.kakaoEventId === null) {
    return null;
  }
  const busy = campaign.syncState === 'publishing' || campaign.syncState === 'unpublishing';
  return (
    <>
      <Button
        label="app.campaign.actions.unpublish"
        onClick={() => setOpen(true)}
        disabled={busy || isPending}
        data-testid="campaign-unpublish"
      >
        <CloudOffIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.campaign.dialogs.unpublish_title"
        titleTranslateOptions={{ name: campaign.name }}
        content="app.campaign.dialogs.unpublish_content"
        confirm="app.campaign.actions.unpublish"
        confirmColor="warning"
        onConfirm={() => mutate(campaign.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
