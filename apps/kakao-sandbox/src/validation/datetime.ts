const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})$/;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const GRID_MS = 5 * MINUTE_MS;

function utcMs(parts: readonly number[]): number | undefined {
  const [year, month, day, hour = 0, minute = 0, second = 0, milli = 0] = parts;
  if (year < 1900 || year > 2999) {
    return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const date = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return valid ? ms : undefined;
}

/**
 * Parses a UTC instant in the forms the sandbox accepts (1.3): `YYYY-MM-DDTHH:mm:ssZ`, the same
 * with milliseconds, and the RFC 5545 basic form `YYYYMMDDTHHmmssZ`.
 */
export function parseInstant(text: string): number | undefined {
  const extended = EXTENDED.exec(text);
  if (extended) {
    const milli = extended[7] === undefined ? 0 : Number(extended[7].padEnd(3, '0'));
    return utcMs([...extended.slice(1, 7).map(Number), milli]);
  }
  const basic = BASIC.exec(text);
  return basic ? utcMs(basic.slice(1, 7).map(Number)) : undefined;
}

/** `YYYYMMDD` → epoch ms of that date at 00:00 UTC. */
export function parseBasicDate(text: string): number | undefined {
  const match = BASIC_DATE.exec(text);
  return match ? utcMs(match.slice(1, 4).map(Number)) : undefined;
}

/** The one form the sandbox answers with: `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** RFC 5545 basic form `YYYYMMDDTHHmmssZ`, used inside occurrence ids and UNTIL. */
export function formatBasicInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function positiveModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

export function isOnFiveMinuteGrid(ms: number): boolean {
  return positiveModulo(ms, GRID_MS) === 0;
}

export function isUtcMidnight(ms: number): boolean {
  return positiveModulo(ms, DAY_MS) === 0;
}
