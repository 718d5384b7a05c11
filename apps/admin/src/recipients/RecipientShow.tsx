import { EditButton, Show, TabbedShowLayout, TopToolbar } from 'react-admin';

import { OptOutButton } from '@admin/recipients/OptOutButton';
import { RecipientDeliveries } from '@admin/recipients/RecipientDeliveries';
import { RecipientHistory } from '@admin/recipients/RecipientHistory';
import { RecipientSummary } from '@admin/recipients/RecipientSummary';
import { RecipientTitle } from '@admin/recipients/RecipientTitle';
import { SyncRelationsButton } from '@admin/recipients/SyncRelationsButton';

function Actions() {
  return (
    <TopToolbar>
      <EditButton label="app.recipient.actions.edit" />
      <SyncRelationsButton />
      <OptOutButton />
    </TopToolbar>
  );
}

export function RecipientShow() {
  return (
    <Show actions={<Actions />} title={<RecipientTitle />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.recipient.tabs.profile">
          <RecipientSummary />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.recipient.tabs.deliveries" path="deliveries">
          <RecipientDeliveries />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.recipient.tabs.history" path="history">
          <RecipientHistory />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
