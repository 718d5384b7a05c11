import { Box, Stack, Typography } from '@mui/material';
import { Button, Link, Loading, Title, usePermissions, useTranslate } from 'react-admin';

import { type Role } from '@admin/access/permissions';
import { type ConsolePermissions } from '@admin/authProvider';
import { AdminHome } from '@admin/dashboard/home/AdminHome';
import { ManagerHome } from '@admin/dashboard/home/ManagerHome';
import { MarketerHome } from '@admin/dashboard/home/MarketerHome';
import { SchedulerHome } from '@admin/dashboard/home/SchedulerHome';

const HOMES: Record<Role, () => React.JSX.Element> = {
  manager: ManagerHome,
  marketer: MarketerHome,
  scheduler: SchedulerHome,
  admin: AdminHome,
};

/** Where each role goes next from its home: the screen it works in most. */
const NEXT: Record<Role, { to: string; label: string }> = {
  manager: { to: '/reach', label: 'app.home.open.reach' },
  marketer: { to: '/campaigns', label: 'app.home.open.campaigns' },
  scheduler: { to: '/blasts', label: 'app.home.open.blasts' },
  admin: { to: '/users', label: 'app.home.open.users' },
};

/** The console's home (react-admin's `dashboard`): what the signed-in role acts on first. */
export function RoleHome() {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<ConsolePermissions>();
  if (isPending) {
    return <Loading />;
  }
  const role = permissions?.role;
  if (!role) {
    return null;
  }
  const Home = HOMES[role];
  return (
    <Box sx={{ mt: 2 }} data-testid="role-home" data-role={role}>
      <Title title="app.home.title" />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h5" component="h1">
          {translate(`app.home.heading.${role}`)}
        </Typography>
        <Button component={Link} to={NEXT[role].to} label={NEXT[role].label} />
      </Stack>
      <Home />
    </Box>
  );
}
