import { diffMemberships, isEmptyDiff } from './membership-diff';
import { Role } from './role';

describe('diffMemberships', () => {
  const scope = ['a', 'b', 'c'];

  it('adds, changes and removes within the scope', () => {
    const diff = diffMemberships(
      [
        { channelId: 'a', role: Role.Marketer },
        { channelId: 'b', role: Role.Manager },
      ],
      [
        { channelId: 'a', role: Role.Admin },
        { channelId: 'c', role: Role.Scheduler },
      ],
      scope,
    );
    expect(diff).toEqual({
      added: [{ channelId: 'c', role: Role.Scheduler }],
      changed: [{ channelId: 'a', from: Role.Marketer, to: Role.Admin }],
      removed: [{ channelId: 'b', role: Role.Manager }],
    });
  });

  it('never touches memberships outside the scope', () => {
    const diff = diffMemberships(
      [{ channelId: 'x', role: Role.Admin }],
      [{ channelId: 'y', role: Role.Admin }],
      scope,
    );
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('is empty when nothing changes', () => {
    const same = [{ channelId: 'a', role: Role.Marketer }];
    expect(isEmptyDiff(diffMemberships(same, same, scope))).toBe(true);
  });
});
