import { Admin, CanAccess, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';

import audiences from '@admin/audiences';
import auditLog from '@admin/audit-log';
import { authProvider } from '@admin/authProvider';
import blasts from '@admin/blasts';
import campaigns from '@admin/campaigns';
import channels from '@admin/channels';
import { RoleHome } from '@admin/dashboard/home/RoleHome';
import { dataProvider } from '@admin/dataProvider';
import { i18nProvider } from '@admin/i18n/i18nProvider';
import { ConsoleLayout } from '@admin/layout/ConsoleLayout';
import { theme } from '@admin/layout/theme';
import recipientImports from '@admin/recipient-imports';
import recipients from '@admin/recipients';
import { lazyView } from '@admin/shared/lazyView';
import subscribeCalendars from '@admin/subscribe-calendars';
import unmanagedEvents from '@admin/unmanaged-events';
import users from '@admin/users';
import webhooks from '@admin/webhooks';

const { Route } = reactRouterProvider;
const CampaignCalendar = lazyView(() => import('./calendar/CampaignCalendar'), 'CampaignCalendar');
const QueueBoardPage = lazyView(() => import('./queue-board/QueueBoardPage'), 'QueueBoardPage');
const ReachDashboard = lazyView(() => import('./dashboard/ReachDashboard'), 'ReachDashboard');

export function App() {
  return (
    <Admin
      title="app.short_name"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      // The layout sends visitors without a session to the sign-in form at once (SignedInOnly);
      // react-admin's `requireAuth` logged out and re-checked over and over before showing it.
      layout={ConsoleLayout}
      dashboard={RoleHome}
      theme={theme}
      disableTelemetry
    >
      <Resource name="campaigns" {...campaigns} />
      <Resource name="unmanaged-events" {...unmanagedEvents} />
      <Resource name="subscribe-calendars" {...subscribeCalendars} />
      <Resource name="recipients" {...recipients} />
      <Resource name="recipient-imports" {...recipientImports} />
      <Resource name="audiences" {...audiences} />
      <Resource name="blasts" {...blasts} />
      <Resource name="users" {...users} />
      <Resource name="channels" {...channels} />
      <Resource name="audit-log" {...auditLog} />
      <Resource name="webhooks" {...webhooks} />
      <Resource name="webhook-deliveries" />
      <CustomRoutes>
        <Route
          path="/reach"
          element={
            <CanAccess resource="reach" action="list">
              <ReachDashboard />
            </CanAccess>
          }
        />
        <Route
          path="/calendar"
          element={
            <CanAccess resource="calendar" action="list">
              <CampaignCalendar />
            </CanAccess>
          }
        />
        <Route
          path="/queues"
          element={
            <CanAccess resource="queues" action="list">
              <QueueBoardPage />
            </CanAccess>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}
