import { DomainException, parseListQuery } from '@app/common';

import { DeliveryState } from './blast.enums';
import {
  RECIPIENT_DELIVERY_LIST_RULES,
  RecipientDeliveryListFilter,
  RUN_DELIVERY_LIST_RULES,
  RunDeliveryListFilter,
} from './delivery-list.filter';

const runFilter = (filter: object) =>
  parseListQuery({ filter: JSON.stringify(filter) }, RunDeliveryListFilter, RUN_DELIVERY_LIST_RULES)
    .filter;

function fieldOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return Object.keys((error as DomainException).errors ?? {});
  }
  throw new Error('expected a failure');
}

describe('RunDeliveryListFilter', () => {
  it('reads a state and a Kakao code', () => {
    expect({ ...runFilter({ state: 'failed', kakaoCode: -12 }) }).toEqual({
      state: DeliveryState.Failed,
      kakaoCode: -12,
    });
  });

  it.each([
    [{ kakaoCode: 'x' }, 'filter.kakaoCode'],
    [{ kakaoCode: '12' }, 'filter.kakaoCode'],
    [{ kakaoCode: { $ne: 1 } }, 'filter.kakaoCode'],
    [{ kakaoCode: [1] }, 'filter.kakaoCode'],
    [{ kakaoCode: 1e308 }, 'filter.kakaoCode'],
    [{ kakaoCode: 2_147_483_648 }, 'filter.kakaoCode'],
    [{ kakaoCode: 0.5 }, 'filter.kakaoCode'],
    [{ state: 'lost' }, 'filter.state'],
    [{ state: 'a\u0000' }, 'filter.state'],
    [{ state: [] }, 'filter.state'],
    [{ recipientId: 'x' }, 'filter.recipientId'],
  ])('rejects %j naming %s', (filter, field) => {
    expect(fieldOf(() => runFilter(filter))).toEqual([field]);
  });
});

describe('RecipientDeliveryListFilter', () => {
  const filterOf = (filter: object) =>
    parseListQuery(
      { filter: JSON.stringify(filter) },
      RecipientDeliveryListFilter,
      RECIPIENT_DELIVERY_LIST_RULES,
    ).filter;

  it('reads one state or a list', () => {
    expect(filterOf({ state: 'failed' }).state).toEqual([DeliveryState.Failed]);
    expect(filterOf({ state: ['sent', 'unknown'] }).state).toEqual([
      DeliveryState.Sent,
      DeliveryState.Unknown,
    ]);
  });

  it.each([
    [{ state: 'lost' }, 'filter.state'],
    [{ state: [] }, 'filter.state'],
    [{ blastId: 'x' }, 'filter.blastId'],
  ])('rejects %j naming %s', (filter, field) => {
    expect(fieldOf(() => filterOf(filter))).toEqual([field]);
  });
});
