import { IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

const known = new Map<string, boolean>();

/** Whether `name` is an IANA TZID; cached because luxon builds a formatter per check. */
export function isTimeZone(name: string): boolean {
  let valid = known.get(name);
  if (valid === undefined) {
    valid = name.includes('/') || name === 'UTC' ? IANAZone.isValidZone(name) : false;
    if (known.size < 1000) {
      known.set(name, valid);
    }
  }
  return valid;
}
