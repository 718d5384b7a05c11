import { type Role } from './role';

export interface MembershipRole {
  channelId: string;
  role: Role;
}

export interface MembershipDiff {
  added: MembershipRole[];
  changed: { channelId: string; from: Role; to: Role }[];
  removed: MembershipRole[];
}

/**
 * What turns `current` into `desired` within `scope` (the channels the caller may change):
 * memberships outside the scope are neither added, changed nor removed.
 */
export function diffMemberships(
  current: readonly MembershipRole[],
  desired: readonly MembershipRole[],
  scope: readonly string[],
): MembershipDiff {
  const inScope = (membership: MembershipRole): boolean => scope.includes(membership.channelId);
  const before = new Map(current.filter(inScope).map((m) => [m.channelId, m.role]));
  const after = new Map(desired.filter(inScope).map((m) => [m.channelId, m.role]));
  const diff: MembershipDiff = { added: [], changed: [], removed: [] };
  for (const [channelId, role] of after) {
    const previous = before.get(channelId);
    if (previous === undefined) {
      diff.added.push({ channelId, role });
    } else if (previous !== role) {
      diff.changed.push({ channelId, from: previous, to: role });
    }
  }
  for (const [channelId, role] of before) {
    if (!after.has(channelId)) {
      diff.removed.push({ channelId, role });
    }
  }
  return diff;
}

export function isEmptyDiff(diff: MembershipDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length === 0;
}
