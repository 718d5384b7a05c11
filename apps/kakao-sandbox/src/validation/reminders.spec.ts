import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import {
  checkReminder,
  checkReminderRange,
  parseReminderList,
} from '@app/kakao-sandbox/validation/reminders';

function fails(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof KakaoError && error.code === -2;
  }
}

describe('reminders', () => {
  it('accepts up to two multiples of 5', () => {
    expect(parseReminderList([], 'r')).toEqual([]);
    expect(parseReminderList([0, 43200], 'r')).toEqual([0, 43200]);
    expect(fails(() => parseReminderList([5, 10, 15], 'r'))).toBe(true);
    expect(fails(() => parseReminderList([7], 'r'))).toBe(true);
    expect(fails(() => parseReminderList([1.5], 'r'))).toBe(true);
    expect(fails(() => parseReminderList(['5'], 'r'))).toBe(true);
    expect(fails(() => parseReminderList(5, 'r'))).toBe(true);
  });

  it('allows 0..43200 for timed events', () => {
    expect(checkReminder(0, false, 'r')).toBe(0);
    expect(checkReminder(43200, false, 'r')).toBe(43200);
    expect(fails(() => checkReminder(-5, false, 'r'))).toBe(true);
    expect(fails(() => checkReminder(43205, false, 'r'))).toBe(true);
  });

  it('allows -1440..43200 for all-day events (negative = after local midnight)', () => {
    expect(checkReminder(-540, true, 'r')).toBe(-540);
    expect(checkReminder(-1440, true, 'r')).toBe(-1440);
    expect(fails(() => checkReminder(-1445, true, 'r'))).toBe(true);
    expect(fails(() => checkReminderRange([60, -540], false, 'r'))).toBe(true);
    expect(fails(() => checkReminderRange([60, -540], true, 'r'))).toBe(false);
  });
});
