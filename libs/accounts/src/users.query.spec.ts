import { DomainException } from '@app/common';

import { Role } from './role';
import { parseUserListFilter } from './users.query';

describe('parseUserListFilter', () => {
  it('reads every filter, single values or lists', () => {
    const id = '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a';
    expect(parseUserListFilter({ q: 'kim', role: 'admin', disabled: false, id })).toEqual({
      q: 'kim',
      roles: [Role.Admin],
      disabled: false,
      ids: [id],
    });
    expect(parseUserListFilter({ role: ['marketer', 'manager'] }).roles).toEqual([
      Role.Marketer,
      Role.Manager,
    ]);
  });

  it.each([
    [{ role: 'owner' }, 'filter.role'],
    [{ disabled: 'yes' }, 'filter.disabled'],
    [{ id: ['nope'] }, 'filter.id'],
    [{ email: 'x' }, 'filter.email'],
  ])('rejects %j naming %s', (filter, field) => {
    try {
      parseUserListFilter(filter);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(Object.keys((error as DomainException).errors ?? {})).toEqual([field]);
    }
  });
});
