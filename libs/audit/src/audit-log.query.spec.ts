import { DomainException } from '@app/common';

import { parseAuditLogFilter } from './audit-log.query';

function fieldOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return Object.keys((error as DomainException).errors ?? {});
  }
  throw new Error('expected a failure');
}

describe('parseAuditLogFilter', () => {
  it('reads every filter', () => {
    expect(
      parseAuditLogFilter({
        actorUserId: '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a',
        action: ['channel.update', 'user.update'],
        entityType: 'channel',
        entityId: 'abc',
        from: '2026-01-01',
        to: '2026-02-01T00:00:00Z',
      }),
    ).toEqual({
      actorUserId: '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a',
      actions: ['channel.update', 'user.update'],
      entityType: 'channel',
      entityId: 'abc',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('accepts a single action', () => {
    expect(parseAuditLogFilter({ action: 'user.create' })).toEqual({ actions: ['user.create'] });
  });

  it.each([
    [{ actorUserId: 'me' }, 'filter.actorUserId'],
    [{ action: [] }, 'filter.action'],
    [{ action: [3] }, 'filter.action'],
    [{ from: 'yesterday' }, 'filter.from'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'filter.to'],
    [{ q: 'x' }, 'filter.q'],
  ])('rejects %j naming %s', (filter, field) => {
    expect(fieldOf(() => parseAuditLogFilter(filter))).toEqual([field]);
  });
});
