import { useLocaleState, useTranslate } from 'react-admin';

import { durationParts, scheduleStartDate } from '@admin/blasts/blastForm';
import { type BlastSchedule } from '@admin/blasts/types';
import { describeRrule } from '@admin/campaigns/recurrence';
import { formatInstant, wallTimeToInstant } from '@admin/time/zonedTime';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "3 min 20 s" in the reader's language. */
export function useFormatDuration(): (seconds: number) => string {
  const translate = useTranslate();
  return (seconds) => {
    const { key, ...parts } = durationParts(seconds);
    return translate(`app.blasts.duration.${key}`, parts);
  };
}

/** A schedule in words: "Now", "Apr 12, 2030, 10:00 AM (Asia/Seoul)" or its rule from then. */
export function useDescribeSchedule(): (schedule: BlastSchedule) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (schedule) => {
    if (schedule.kind === 'now') {
      return translate('app.blasts.schedule.now');
    }
    const at = schedule.at ?? '';
    const instant = wallTimeToInstant(at, schedule.timeZone);
    const when = translate('app.time.in_zone', {
      time: instant ? formatInstant(instant, schedule.timeZone, locale, SHORT) : at,
      zone: schedule.timeZone,
    });
    if (schedule.kind === 'at') {
      return when;
    }
    const rule = describeRrule(schedule.rrule ?? '', {
      translate,
      locale,
      startDate: scheduleStartDate(at),
    });
    return translate('app.blasts.schedule.recurring_from', { rule, when });
  };
}
