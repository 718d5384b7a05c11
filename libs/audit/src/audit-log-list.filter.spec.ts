import { DomainException, parseListQuery } from '@app/common';

import { AUDIT_LOG_LIST_RULES, AuditLogFilter } from './audit-log-list.filter';

const filterOf = (filter: object) =>
  parseListQuery({ filter: JSON.stringify(filter) }, AuditLogFilter, AUDIT_LOG_LIST_RULES).filter;

function fieldOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return Object.keys((error as DomainException).errors ?? {});
  }
  throw new Error('expected a failure');
}

describe('AuditLogFilter', () => {
  it('reads every filter', () => {
    expect({
      ...filterOf({
        actorUserId: '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a',
        action: ['channel.update', 'user.update'],
        entityType: 'channel',
        entityId: 'abc',
        from: '2026-01-01',
        to: '2026-02-01T00:00:00Z',
      }),
    }).toEqual({
      actorUserId: '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a',
      action: ['channel.update', 'user.update'],
      entityType: 'channel',
      entityId: 'abc',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('accepts a single action', () => {
    expect(filterOf({ action: 'user.create' }).action).toEqual(['user.create']);
  });

  it.each([
    [{ actorUserId: 'me' }, 'filter.actorUserId'],
    [{ action: [] }, 'filter.action'],
    [{ action: [3] }, 'filter.action'],
    [{ action: 'a\u0000b' }, 'filter.action'],
    [{ entityId: 'x'.repeat(129) }, 'filter.entityId'],
    [{ entityType: 'a\ud800' }, 'filter.entityType'],
    [{ from: 'yesterday' }, 'filter.from'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'filter.to'],
    [{ from: '2026-01-01', to: '2026-01-01' }, 'filter.to'],
    [{ q: 'x' }, 'filter.q'],
  ])('rejects %j naming %s', (filter, field) => {
    expect(fieldOf(() => filterOf(filter))).toEqual([field]);
  });

  it('orders by at and id only', () => {
    expect(
      fieldOf(() =>
        parseListQuery({ sort: '["action","ASC"]' }, AuditLogFilter, AUDIT_LOG_LIST_RULES),
      ),
    ).toEqual(['sort']);
  });
});
