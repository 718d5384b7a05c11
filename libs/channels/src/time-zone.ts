import { ValidateBy, type ValidationOptions } from 'class-validator';

// Region/City names, plus single words such as UTC; offsets like "+09:00" are not zones.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// Spellings of the zones ICU lists, by lower case. ICU lists its own canonical names (Asia/Calcutta
// rather than Asia/Kolkata), so the list fixes letter case only and never renames a zone.
const LISTED_ZONES = new Map(
  Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]),
);

function runtimeKnows(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone as the console stores it (`asia/seoul` → `Asia/Seoul`; links such as `Asia/Kolkata`
 * kept as written), or null when it is not an IANA time zone this runtime knows.
 */
export function canonicalTimeZone(name: unknown): string | null {
  if (typeof name !== 'string' || !ZONE_NAME.test(name) || !runtimeKnows(name)) {
    return null;
  }
  return LISTED_ZONES.get(name.toLowerCase()) ?? name;
}

/** class-validator: the value is an IANA time zone name that this runtime knows. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => canonicalTimeZone(value) !== null,
        defaultMessage: () => '$property must be an IANA time zone such as Asia/Seoul',
      },
    },
    options,
  );
}
