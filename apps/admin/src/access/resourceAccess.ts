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
  // Deleting a recipient opts them out (consent revoked, tokens wiped); the record stays.
  recipients: {
    list: Permission.RecipientRead,
    show: Permission.RecipientRead,
    edit: Permission.RecipientManage,
    delete: Permission.RecipientManage,
    import: Permission.RecipientManage,
    sync: Permission.RecipientManage,
  },
  'recipient-imports': {
    list: Permission.RecipientRead,
    show: Permission.RecipientRead,
  },
  audiences: {
    list: Permission.AudienceRead,
    show: Permission.AudienceRead,
    create: Permission.AudienceManage,
    edit: Permission.AudienceManage,
    delete: Permission.AudienceManage,
    import: Permission.AudienceManage,
    members: Permission.AudienceManage,
  },
  blasts: {
    list: Permission.BlastRead,
    show: Permission.BlastRead,
    create: Permission.BlastManage,
    start: Permission.BlastManage,
    test_send: Permission.BlastManage,
    // Pause, resume, cancel and resend on a run.
    control: Permission.BlastManage,
  },
  // Outbound webhooks and their delivery logs (secrets, tests, redelivery): administrators.
  webhooks: {
    list: Permission.WebhookManage,
    show: Permission.WebhookManage,
    create: Permission.WebhookManage,
    edit: Permission.WebhookManage,
    delete: Permission.WebhookManage,
  },
  'webhook-deliveries': {
    list: Permission.WebhookManage,
    show: Permission.WebhookManage,
  },
  // The reach dashboard (managers land on it).
  reach: {
    list: Permission.ReachRead,
  },
};

/**
 * Screens for the instance's operators (`isOperator` of `/auth/me`), whatever their channel role:
 * the queue board (Bull Board) shows and controls every channel's jobs.
 */
const OPERATOR_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  queues: ['list'],
};

/** The permission a screen or button needs, or undefined when nobody may use it. */
export function requiredPermission(resource: string, action: string): Permission | undefined {
  return RESOURCE_ACTIONS[resource]?.[action];
}

export function canAccessWith(
  permissions: ReadonlySet<Permission>,
  resource: string,
  action: string,
  isOperator = false,
): boolean {
  if (OPERATOR_ACTIONS[resource]?.includes(action)) {
    return isOperator;
  }
  const permission = requiredPermission(resource, action);
  return permission !== undefined && permissions.has(permission);
}
