import { isQuiet, nextSeoulMidnight, quietEndsAt } from './quiet-hours';

const night = { start: '21:00', end: '08:00' };

describe('quiet hours', () => {
  it('knows the night window wraps midnight, in the given zone', () => {
    expect(isQuiet(new Date('2030-04-12T12:30:00Z'), 'Asia/Seoul', night)).toBe(true); // 21:30 KST
    expect(isQuiet(new Date('2030-04-12T22:59:00Z'), 'Asia/Seoul', night)).toBe(true); // 07:59 KST
    expect(isQuiet(new Date('2030-04-12T23:00:00Z'), 'Asia/Seoul', night)).toBe(false); // 08:00 KST
    expect(isQuiet(new Date('2030-04-12T11:59:00Z'), 'Asia/Seoul', night)).toBe(false); // 20:59 KST
    expect(isQuiet(new Date('2030-04-12T12:30:00Z'), 'Europe/Paris', night)).toBe(false); // 14:30
  });

  it('supports a daytime window and an empty one', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(isQuiet(new Date('2030-04-12T03:30:00Z'), 'Asia/Seoul', lunch)).toBe(true);
    expect(
      isQuiet(new Date('2030-04-12T03:30:00Z'), 'Asia/Seoul', { start: '09:00', end: '09:00' }),
    ).toBe(false);
  });

  it('finds when the window ends', () => {
    expect(quietEndsAt(new Date('2030-04-12T12:30:00Z'), 'Asia/Seoul', night).toISOString()).toBe(
      '2030-04-12T23:00:00.000Z',
    );
    expect(quietEndsAt(new Date('2030-04-12T20:00:00Z'), 'Asia/Seoul', night).toISOString()).toBe(
      '2030-04-12T23:00:00.000Z',
    );
    const day = new Date('2030-04-12T05:00:00Z');
    expect(quietEndsAt(day, 'Asia/Seoul', night)).toBe(day);
  });

  it('finds the next Seoul midnight', () => {
    expect(nextSeoulMidnight(new Date('2030-04-12T14:59:00Z')).toISOString()).toBe(
      '2030-04-12T15:00:00.000Z',
    );
    expect(nextSeoulMidnight(new Date('2030-04-12T15:00:00Z')).toISOString()).toBe(
      '2030-04-13T15:00:00.000Z',
    );
  });
});
