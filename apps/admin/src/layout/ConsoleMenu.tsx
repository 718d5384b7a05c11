import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import InsightsIcon from '@mui/icons-material/Insights';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Menu, useCanAccess } from 'react-admin';

/** The resources a role may list (react-admin hides the others), with the calendar after campaigns. */
export function ConsoleMenu() {
  const { canAccess: canSeeCalendar } = useCanAccess({ resource: 'calendar', action: 'list' });
  const { canAccess: canSeeQueues } = useCanAccess({ resource: 'queues', action: 'list' });
  const { canAccess: canSeeReach } = useCanAccess({ resource: 'reach', action: 'list' });
  return (
    <Menu className="ConsoleMenu" data-testid="console-menu">
      {/* Each role's home: what it acts on first. */}
      <Menu.DashboardItem />
      {canSeeReach ? (
        <Menu.Item to="/reach" primaryText="app.reach.menu" leftIcon={<InsightsIcon />} />
      ) : null}
      <Menu.ResourceItem name="campaigns" />
      {canSeeCalendar ? (
        <Menu.Item
          to="/calendar"
          primaryText="resources.calendar.name"
          leftIcon={<CalendarMonthIcon />}
        />
      ) : null}
      <Menu.ResourceItem name="unmanaged-events" />
      <Menu.ResourceItem name="subscribe-calendars" />
      <Menu.ResourceItem name="recipients" />
      <Menu.ResourceItem name="audiences" />
      <Menu.ResourceItem name="blasts" />
      <Menu.ResourceItem name="users" />
      <Menu.ResourceItem name="channels" />
      <Menu.ResourceItem name="audit-log" />
      <Menu.ResourceItem name="webhooks" />
      {canSeeQueues ? (
        <Menu.Item to="/queues" primaryText="app.queues.menu" leftIcon={<ViewListIcon />} />
      ) : null}
    </Menu>
  );
}
