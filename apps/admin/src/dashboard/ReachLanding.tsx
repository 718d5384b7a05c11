import { Loading, reactRouterProvider, usePermissions } from 'react-admin';

import { type ConsolePermissions } from '@admin/authProvider';

const { Navigate } = reactRouterProvider;

/** Where `/` leads: managers land on the reach dashboard, everyone else on the campaigns. */
export function landingPath(permissions: ConsolePermissions | undefined): string {
  return permissions?.role === 'manager' ? '/reach' : '/campaigns';
}

/** The console's home (react-admin's `dashboard`): sends each role to its landing screen. */
export function ReachLanding() {
  const { permissions, isPending } = usePermissions<ConsolePermissions>();
  if (isPending) {
    return <Loading />;
  }
  return <Navigate to={landingPath(permissions)} replace />;
}
