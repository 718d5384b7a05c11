import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { formatRecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import { parseRecurrenceRule } from '@app/kakao-sandbox/validation/rrule';

function rejected(text: string): boolean {
  try {
    parseRecurrenceRule(text);
    return false;
  } catch (error) {
    return error instanceof KakaoError && error.code === -2;
  }
}

describe('parseRecurrenceRule (3.5 subset)', () => {
  it.each([
    [
      'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20241231T150000Z',
      'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20241231T150000Z',
    ],
    ['FREQ=DAILY;COUNT=5;', 'FREQ=DAILY;COUNT=5'],
    ['freq=monthly;bymonthday=-1;interval=2', 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYDAY=2TU', 'FREQ=MONTHLY;BYDAY=2TU'],
    ['FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=5', 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=5'],
    ['FREQ=WEEKLY;WKST=SU;UNTIL=20241231', 'FREQ=WEEKLY;WKST=SU;UNTIL=20241231'],
  ])('accepts %s', (text, canonical) => {
    expect(formatRecurrenceRule(parseRecurrenceRule(text))).toBe(canonical);
  });

  it.each([
    '',
    'RRULE:FREQ=DAILY',
    'COUNT=3',
    'FREQ=HOURLY',
    'FREQ=DAILY;COUNT=3;UNTIL=20241231T000000Z',
    'FREQ=DAILY;COUNT=0',
    'FREQ=DAILY;INTERVAL=-1',
    'FREQ=DAILY;BYHOUR=9',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=WEEKLY;BYMONTHDAY=3',
    'FREQ=MONTHLY;BYMONTHDAY=32',
    'FREQ=YEARLY;BYMONTH=13',
    'FREQ=DAILY;UNTIL=2024-12-31',
    'FREQ=DAILY;;COUNT=2',
    'FREQ=DAILY;FREQ=WEEKLY',
    'FREQ=DAILY;WKST=XY',
  ])('rejects %s', (text) => {
    expect(rejected(text)).toBe(true);
  });
});
