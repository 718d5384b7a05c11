// The console's roles and permissions, mirrored from libs/access/src/permission.ts (the API is the
// authority; this copy only decides what the UI shows). permissions.spec.tsx fails when they drift.

export const ROLES = ['marketer', 'manager', 'scheduler', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const Permission = {
  CampaignRead: 'campaign.read',
  CampaignWrite: 'campaign.write',
  CampaignSubmit: 'campaign.submit',
  CampaignApprove: 'campaign.approve',
  CampaignPublish: 'campaign.publish',
  CampaignUnpublish: 'campaign.unpublish',
  CalendarRead: 'calendar.read',
  AudienceRead: 'audience.read',
  AudienceManage: 'audience.manage',
  RecipientRead: 'recipient.read',
  RecipientManage: 'recipient.manage',
  BlastRead: 'blast.read',
  BlastManage: 'blast.manage',
  ReachRead: 'reach.read',
  ReachManage: 'reach.manage',
  AuditRead: 'audit.read',
  ChannelRead: 'channel.read',
  ChannelManage: 'channel.manage',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  WebhookManage: 'webhook.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  marketer: new Set([
    Permission.CampaignRead,
    Permission.CampaignWrite,
    Permission.CampaignSubmit,
    Permission.CampaignPublish,
    Permission.CampaignUnpublish,
    Permission.CalendarRead,
    Permission.ChannelRead,
  ]),
  manager: new Set([
    Permission.CampaignRead,
    Permission.CampaignApprove,
    Permission.CampaignPublish,
    Permission.CampaignUnpublish,
    Permission.CalendarRead,
    Permission.AudienceRead,
    Permission.RecipientRead,
    Permission.BlastRead,
    Permission.ReachRead,
    Permission.ReachManage,
    Permission.AuditRead,
    Permission.ChannelRead,
    Permission.UserRead,
  ]),
  scheduler: new Set([
    Permission.CampaignRead,
    Permission.CalendarRead,
    Permission.AudienceRead,
    Permission.AudienceManage,
    Permission.RecipientRead,
    Permission.RecipientManage,
    Permission.BlastRead,
    Permission.BlastManage,
    Permission.ChannelRead,
  ]),
  admin: new Set(ALL_PERMISSIONS),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return ROLE_PERMISSIONS[role];
}
