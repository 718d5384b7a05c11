import { instantToWallTime, wallTimeToInstant } from '@admin/time/zonedTime';

/**
 * `parse`/`format` for a `<DateInput>` filter whose value is an instant: the picked day's first
 * (or last) minute in the channel's time zone, so "from April 1" means April 1 in Seoul.
 */
export function zonedDayBound(timeZone: string, bound: 'start' | 'end') {
  return {
    parse: (date: string | null): string | null =>
      date ? wallTimeToInstant(`${date}T${bound === 'start' ? '00:00' : '23:59'}`, timeZone) : null,
    format: (instant: string | null | undefined): string =>
      instant ? instantToWallTime(instant, timeZone).slice(0, 10) : '',
  };
}
