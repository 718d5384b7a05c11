/** `GET /api/audit-log` rows (libs/audit/src/audit.dto.ts). */
export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  channelId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const AUDIT_ENTITY_TYPES = [
  'campaign',
  'blast',
  'audience',
  'recipient',
  'recipient_import',
  'ingest_key',
  'webhook',
  'webhook_delivery',
  'user',
  'channel',
] as const;

/** The actions the console records, in the order the action filter offers them. */
export const AUDIT_ACTIONS = [
  'campaign.create',
  'campaign.update',
  'campaign.restore',
  'campaign.archive',
  'campaign.unarchive',
  'campaign.import',
  'campaign.submit',
  'campaign.approve',
  'campaign.reject',
  'campaign.publish_request',
  'campaign.published',
  'campaign.publish_failed',
  'campaign.unpublish_request',
  'campaign.unpublished',
  'campaign.unpublish_failed',
  'campaign.drifted',
  'campaign.missing_on_kakao',
  'blast.create',
  'blast.update',
  'blast.start',
  'blast.pause',
  'blast.resume',
  'blast.cancel',
  'blast.resend',
  'blast.test_send',
  'audience.create',
  'audience.update',
  'audience.archive',
  'audience.members_add',
  'audience.members_remove',
  'recipient.ingest',
  'recipient.opt_in',
  'recipient.opt_out',
  'recipient.update',
  'recipient_import.create',
  'recipient_import.apply',
  'ingest_key.create',
  'ingest_key.revoke',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.rotate_secret',
  'webhook.test',
  'webhook.redeliver',
  'user.create',
  'user.update',
  'user.membership_add',
  'user.membership_update',
  'user.membership_remove',
  'channel.update',
] as const;
