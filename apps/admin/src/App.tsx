import { Admin, CanAccess, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';

import auditLog from '@admin/audit-log';
import { authProvider } from '@admin/authProvider';
import campaigns from '@admin/campaigns';
import channels from '@admin/channels';
import { dataProvider } from '@admin/dataProvider';
import { i18nProvider } from '@admin/i18n/i18nProvider';
import { ConsoleLayout } from '@admin/layout/ConsoleLayout';
import { theme } from '@admin/layout/theme';
import { lazyView } from '@admin/shared/lazyView';
import subscribeCalendars from '@admin/subscribe-calendars';
import unmanagedEvents from '@admin/unmanaged-events';
import users from '@admin/users';

const { Route } = reactRouterProvider;
const CampaignCalendar = lazyView(() => import('./calendar/CampaignCalendar'), 'CampaignCalendar');

export function App() {
  return (
    <Admin
      title="app.short_name"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={ConsoleLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="campaigns" {...campaigns} />
      <Resource name="unmanaged-events" {...unmanagedEvents} />
      <Resource name="subscribe-calendars" {...subscribeCalendars} />
      <Resource name="users" {...users} />
      <Resource name="channels" {...channels} />
      <Resource name="audit-log" {...auditLog} />
      <CustomRoutes>
        <Route
          path="/calendar"
          element={
            <CanAccess resource="calendar" action="list">
              <CampaignCalendar />
            </CanAccess>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}
