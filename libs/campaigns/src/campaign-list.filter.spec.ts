import { DomainException, parseListQuery } from '@app/common';

import { CampaignListFilter } from './campaign-list.filter';
import { CAMPAIGN_SORTABLE } from './campaign.repository';

const rules = {
  sortable: CAMPAIGN_SORTABLE,
  defaultSort: { field: 'updatedAt', order: 'DESC' as const },
};
const filterOf = (filter: object) =>
  parseListQuery({ filter: JSON.stringify(filter) }, CampaignListFilter, rules).filter;

describe('CampaignListFilter', () => {
  it('reads one value or a list, trims the search and reads instants', () => {
    expect({
      ...filterOf({
        q: '  pop-up ',
        syncState: 'published',
        approvalState: ['approved', 'submitted'],
        tag: 'vip',
        tags: ['spring'],
        archived: true,
        startsBefore: '2031-03-01T00:00:00Z',
        endsAfter: '2031-02-01',
      }),
    }).toEqual({
      q: 'pop-up',
      syncState: ['published'],
      approvalState: ['approved', 'submitted'],
      tag: ['vip'],
      tags: ['spring'],
      archived: true,
      startsBefore: new Date('2031-03-01T00:00:00Z'),
      endsAfter: new Date('2031-02-01T00:00:00Z'),
    });
  });

  it('treats empty values as any, as the admin clears inputs', () => {
    expect({ ...filterOf({ q: '', syncState: null }) }).toEqual({});
  });

  it.each([
    ['filter.priority', { priority: 'high' }],
    ['filter.startsBefore', { startsBefore: 'soon' }],
    ['filter.endsAfter', { endsAfter: 20300101 }],
    ['filter.startsFrom', { startsFrom: '2030-13-01' }],
    ['filter.id', { id: ['not-a-uuid'] }],
    ['filter.id', { id: [] }],
    ['filter.ownerId', { ownerId: 'me' }],
    ['filter.syncState', { syncState: 'live' }],
    ['filter.approvalState', { approvalState: ['approved', 'maybe'] }],
    ['filter.kakaoState', { kakaoState: 1 }],
    ['filter.archived', { archived: 'yes' }],
    ['filter.tag', { tag: 't'.repeat(31) }],
    ['filter.targetCalendarId', { targetCalendarId: 'a\u0000' }],
    ['filter.q', { q: { $ne: '' } }],
    ['filter.q', { q: 'a\u0000b' }],
  ])('names %s', (field, filter) => {
    try {
      filterOf(filter);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(Object.keys((error as DomainException).errors ?? {})).toEqual([field]);
    }
  });
});
