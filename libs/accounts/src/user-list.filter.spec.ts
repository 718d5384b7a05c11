import { DomainException, parseListQuery } from '@app/common';

import { Role } from './role';
import { USER_LIST_RULES, UserListFilter } from './user-list.filter';

const filterOf = (filter: object) =>
  parseListQuery({ filter: JSON.stringify(filter) }, UserListFilter, USER_LIST_RULES).filter;

describe('UserListFilter', () => {
  it('reads every filter, single values or lists', () => {
    const id = '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a';
    expect({ ...filterOf({ q: 'kim', role: 'admin', disabled: false, id }) }).toEqual({
      q: 'kim',
      role: [Role.Admin],
      disabled: false,
      id: [id],
    });
    expect(filterOf({ role: ['marketer', 'manager'] }).role).toEqual([Role.Marketer, Role.Manager]);
  });

  it.each([
    [{ role: 'owner' }, 'filter.role'],
    [{ role: [] }, 'filter.role'],
    [{ disabled: 'yes' }, 'filter.disabled'],
    [{ id: ['nope'] }, 'filter.id'],
    [{ id: [] }, 'filter.id'],
    [{ email: 'x' }, 'filter.email'],
  ])('rejects %j naming %s', (filter, field) => {
    try {
      filterOf(filter);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(Object.keys((error as DomainException).errors ?? {})).toEqual([field]);
    }
  });
});
