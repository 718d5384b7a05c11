import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Seoul', 'Asia/Seoul'],
    ['asia/seoul', 'Asia/Seoul'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['UTC', 'UTC'],
  ])('accepts %s as %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each(['Mars/Olympus', '+09:00', 'KST ', '', 'Asia/Seoul; DROP', 42, null])(
    'rejects %j',
    (name) => {
      expect(canonicalTimeZone(name)).toBeNull();
    },
  );
});
