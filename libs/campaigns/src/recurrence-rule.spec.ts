import { describeRrule, rruleProblem } from './recurrence-rule';

describe('rruleProblem', () => {
  it.each([
    'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20241231T150000Z',
    'FREQ=DAILY;COUNT=10',
    'FREQ=MONTHLY;BYMONTHDAY=15;INTERVAL=2',
    'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=5;',
    'FREQ=WEEKLY;WKST=SU;BYDAY=SA',
  ])('accepts %s', (rule) => {
    expect(rruleProblem(rule)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['RRULE:FREQ=DAILY', /prefix/],
    ['INTERVAL=2', /FREQ is required/],
    ['FREQ=HOURLY', /DAILY, WEEKLY/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20250101', /together/],
    ['FREQ=DAILY;BYHOUR=3', /BYHOUR is not supported/],
    ['FREQ=DAILY;COUNT=0', /COUNT must be/],
    ['FREQ=DAILY;INTERVAL=x', /INTERVAL must be/],
    ['FREQ=DAILY;UNTIL=tomorrow', /UNTIL must be/],
    ['FREQ=WEEKLY;BYDAY=XX', /cannot be parsed/],
    ['FREQ=DAILY;FREQ=WEEKLY', /twice/],
    ['FREQ', /KEY=VALUE/],
  ])('rejects %j', (rule, reason) => {
    expect(rruleProblem(rule)).toMatch(reason);
  });

  it('allows only yearly rules for lunar events', () => {
    expect(rruleProblem('FREQ=MONTHLY', { lunar: true })).toMatch(/lunar/);
    expect(rruleProblem('FREQ=YEARLY', { lunar: true })).toBeUndefined();
  });
});

describe('describeRrule', () => {
  it('summarizes a rule in plain language', () => {
    expect(describeRrule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4')).toBe(
      'every week on Monday, Wednesday for 4 times',
    );
  });
});
