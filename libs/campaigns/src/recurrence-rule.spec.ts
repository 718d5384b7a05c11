import { describeRrule, rruleProblem, seriesEndOf } from './recurrence-rule';

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

describe('seriesEndOf', () => {
  const startsAt = new Date('2030-10-06T01:00:00Z');
  const endsAt = new Date('2030-10-06T03:00:00Z');
  const DAY_MS = 86_400_000;

  it('is the occurrence’s own end without a rule', () => {
    expect(seriesEndOf(undefined, startsAt, endsAt)).toEqual(endsAt);
    expect(seriesEndOf('', startsAt, endsAt)).toEqual(endsAt);
  });

  it('has no end for a rule without COUNT or UNTIL', () => {
    expect(seriesEndOf('FREQ=WEEKLY;BYDAY=MO', startsAt, endsAt)).toBeNull();
  });

  it('ends after the last counted occurrence, padded a day', () => {
    // Four weekly occurrences: the last starts three weeks after the first.
    expect(seriesEndOf('FREQ=WEEKLY;COUNT=4', startsAt, endsAt)).toEqual(
      new Date(endsAt.getTime() + 21 * DAY_MS + DAY_MS),
    );
  });

  it('ends after UNTIL plus one occurrence’s length, padded a day', () => {
    expect(seriesEndOf('FREQ=DAILY;UNTIL=20301020T000000Z', startsAt, endsAt)).toEqual(
      new Date(Date.parse('2030-10-20T00:00:00Z') + 2 * 3_600_000 + DAY_MS),
    );
  });

  it('counts lunar series without UNTIL as unending', () => {
    expect(seriesEndOf('FREQ=YEARLY;COUNT=3', startsAt, endsAt, { lunar: true })).toBeNull();
  });
});
