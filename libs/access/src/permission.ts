import { Role } from '@app/accounts';

/** Everything a route can require. Values are `<resource>.<action>`. */
export enum Permission {
  CampaignRead = 'campaign.read',
  CampaignWrite = 'campaign.write',
  CampaignSubmit = 'campaign.submit',
  /** Approve or reject a submitted revision. */
  CampaignApprove = 'campaign.approve',
  /** Only approved revisions publish unless the channel turned approval off: a campaign rule. */
  CampaignPublish = 'campaign.publish',
  CampaignUnpublish = 'campaign.unpublish',
  CalendarRead = 'calendar.read',
  AudienceRead = 'audience.read',
  AudienceManage = 'audience.manage',
  RecipientRead = 'recipient.read',
  RecipientManage = 'recipient.manage',
  BlastRead = 'blast.read',
  BlastManage = 'blast.manage',
  ReachRead = 'reach.read',
  /** Request sampled follow / subscription estimates (they spend the Kakao calendar quota). */
  ReachManage = 'reach.manage',
  AuditRead = 'audit.read',
  ChannelRead = 'channel.read',
  /** Channel settings and Kakao app keys. */
  ChannelManage = 'channel.manage',
  UserRead = 'user.read',
  UserManage = 'user.manage',
  /** Outbound webhooks of the channel: endpoints, their secrets and delivery logs. */
  WebhookManage = 'webhook.manage',
}

/**
 * THE role → permission map; nothing else decides what a role may do. The queue board is not
 * here: it spans every channel, so it needs `@RequireOperator()` instead of a channel role. Kept explicit (no
 * inheritance between roles) so a review reads each role's powers in one place.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  [Role.Marketer]: new Set([
    Permission.CampaignRead,
    Permission.CampaignWrite,
    Permission.CampaignSubmit,
    Permission.CampaignPublish,
    Permission.CampaignUnpublish,
    Permission.CalendarRead,
    Permission.ChannelRead,
  ]),
  [Role.Manager]: new Set([
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
  [Role.Scheduler]: new Set([
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
  [Role.Admin]: new Set(Object.values(Permission)),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
