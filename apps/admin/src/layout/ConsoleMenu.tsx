import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { Menu, useCanAccess } from 'react-admin';

/** The resources a role may list (react-admin hides the others), with the calendar after campaigns. */
export function ConsoleMenu() {
  const { canAccess: canSeeCalendar } = useCanAccess({ resource: 'calendar', action: 'list' });
  return (
    <Menu className="ConsoleMenu" data-testid="console-menu">
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
      <Menu.ResourceItem name="users" />
      <Menu.ResourceItem name="channels" />
      <Menu.ResourceItem name="audit-log" />
    </Menu>
  );
}
