import { Role, ROLES } from '@app/accounts';

import { Permission, ROLE_PERMISSIONS, roleHasPermission } from './permission';

const M = Role.Marketer;
const G = Role.Manager;
const S = Role.Scheduler;
const A = Role.Admin;

// The whole matrix, written out: a change to ROLE_PERMISSIONS must change this table too.
const EXPECTED: Record<Permission, Role[]> = {
  [Permission.CampaignRead]: [M, G, S, A],
  [Permission.CampaignWrite]: [M, A],
  [Permission.CampaignSubmit]: [M, A],
  [Permission.CampaignApprove]: [G, A],
  [Permission.CampaignPublish]: [M, G, A],
  [Permission.CampaignUnpublish]: [M, G, A],
  [Permission.CalendarRead]: [M, G, S, A],
  [Permission.AudienceRead]: [G, S, A],
  [Permission.AudienceManage]: [S, A],
  [Permission.RecipientRead]: [G, S, A],
  [Permission.RecipientManage]: [S, A],
  [Permission.BlastRead]: [G, S, A],
  [Permission.BlastManage]: [S, A],
  [Permission.ReachRead]: [G, A],
  [Permission.ReachManage]: [G, A],
  [Permission.AuditRead]: [G, A],
  [Permission.ChannelRead]: [M, G, S, A],
  [Permission.ChannelManage]: [A],
  [Permission.UserRead]: [G, A],
  [Permission.UserManage]: [A],
  [Permission.WebhookManage]: [A],
};

describe('ROLE_PERMISSIONS', () => {
  const cases = Object.values(Permission).flatMap((permission) =>
    ROLES.map((role) => [permission, role, EXPECTED[permission].includes(role)] as const),
  );

  it.each(cases)('%s for %s is %s', (permission, role, allowed) => {
    expect(roleHasPermission(role, permission)).toBe(allowed);
  });

  it('gives admins every permission', () => {
    expect([...ROLE_PERMISSIONS[Role.Admin]].sort()).toEqual(Object.values(Permission).sort());
  });

  it('lets managers read everything, including audit and reach', () => {
    const reads = Object.values(Permission).filter((permission) => permission.endsWith('.read'));
    expect(reads.every((permission) => roleHasPermission(Role.Manager, permission))).toBe(true);
  });

  it('keeps approval away from marketers and schedulers', () => {
    expect(roleHasPermission(Role.Marketer, Permission.CampaignApprove)).toBe(false);
    expect(roleHasPermission(Role.Scheduler, Permission.CampaignApprove)).toBe(false);
  });
});
