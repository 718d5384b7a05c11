import { Permission } from './permissions';

/**
 * What each screen and button needs, as react-admin asks it: `canAccess({ resource, action })`.
 * Besides react-admin's own actions (list, show, create, edit, delete, export) the console's
 * buttons ask for the custom actions below. Anything not listed is denied.
 */
const RESOURCE_ACTIONS: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  campaigns: {
    list: Permission.CampaignRead,
    show: Permission.CampaignRead,
    export: Permission.CampaignRead,
    create: Permission.CampaignWrite,
    edit: Permission.CampaignWrite,
    delete: Permission.CampaignWrite,
    restore: Permission.CampaignWrite,
    submit: Permission.CampaignSubmit,
    approve: Permission.CampaignApprove,
    reject: Permission.CampaignApprove,
    publish: Permission.CampaignPublish,
    unpublish: Permission.CampaignUnpublish,
    reconcile: Permission.CampaignPublish,
  },
  calendar: {
    list: Permission.CalendarRead,
  },
  'unmanaged-events': {
    list: Permission.CampaignRead,
    import: Permission.CampaignWrite,
    reconcile: Permission.CampaignPublish,
  },
  'subscribe-calendars': {
    list: Permission.CalendarRead,
    show: Permission.CalendarRead,
    sync: Permission.CampaignWrite,
  },
  users: {
    list: Permission.UserRead,
    show: Permission.UserRead,
    create: Permission.UserManage,
    edit: Permission.UserManage,
  },
  // The settings screen is for admins; every role still reads its channel (time zone) directly.
  channels: {
    list: Permission.ChannelManage,
    show: Permission.ChannelManage,
    edit: Permission.ChannelManage,
  },
  'audit-log': {
    list: Permission.AuditRead,
  },
};

/** The permission a screen or button needs, or undefined when nobody may use it. */
export function requiredPermission(resource: string, action: string): Permission | undefined {
  return RESOURCE_ACTIONS[resource]?.[action];
}

export function canAccessWith(
  permissions: ReadonlySet<Permission>,
  resource: string,
  action: string,
): boolean {
  const permission = requiredPermission(resource, action);
  return permission !== undefined && permissions.has(permission);
}
