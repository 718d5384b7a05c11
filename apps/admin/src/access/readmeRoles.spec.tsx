/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Permission, type Role, ROLE_PERMISSIONS, ROLES } from '@admin/access/permissions';

/** The README's demo-user table: what each role may, as a newcomer reads it. */
function readmeRoles(): Map<Role, string> {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  const rows = new Map<Role, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const role = cells[2] as Role;
    if (cells.length >= 5 && (ROLES as readonly string[]).includes(role)) {
      rows.set(role, cells[3] ?? '');
    }
  }
  return rows;
}

describe('README role table', () => {
  const rows = readmeRoles();

  it('has a row per role', () => {
    expect([...rows.keys()].sort()).toEqual([...ROLES].sort());
  });

  it.each([...ROLES])('says what %s may, as the permission map grants it', (role) => {
    const text = rows.get(role) ?? '';
    const may = ROLE_PERMISSIONS[role];
    if (role === 'admin') {
      expect(text).toMatch(/^everything/);
      return;
    }
    expect(/\bpublish\b/.test(text)).toBe(may.has(Permission.CampaignPublish));
    expect(/\bapprove\b/.test(text)).toBe(may.has(Permission.CampaignApprove));
    expect(/\baudit log\b/.test(text)).toBe(may.has(Permission.AuditRead));
    expect(/\breach\b/.test(text)).toBe(may.has(Permission.ReachRead));
    expect(/\bblasts\b/.test(text)).toBe(may.has(Permission.BlastRead));
    expect(/\bwrite campaigns\b/.test(text)).toBe(may.has(Permission.CampaignWrite));
  });
});
