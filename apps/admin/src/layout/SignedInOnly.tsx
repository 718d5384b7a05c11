import { type ReactNode, useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-admin';

import { type SessionStore, sessionStore } from '@admin/session';

/**
 * The console's screens for someone with a session; anyone else goes straight to the sign-in
 * form, which brings them back here afterwards. The session is in local storage, so this is
 * decided on the first render: no round of auth checks (and logouts) before the form appears.
 */
export function SignedInOnly({
  children,
  session = sessionStore,
}: {
  children: ReactNode;
  session?: SessionStore;
}) {
  const signedIn = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.get() !== null,
  );
  const location = useLocation();
  if (!signedIn) {
    return (
      <Navigate
        to="/login"
        replace
        state={{ nextPathname: location.pathname, nextSearch: location.search }}
      />
    );
  }
  return <>{children}</>;
}
