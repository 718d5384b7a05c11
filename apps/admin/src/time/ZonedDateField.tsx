import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { formatInstant } from '@admin/time/zonedTime';

function valueAt(record: Record<string, unknown> | undefined, source: string): unknown {
  return source
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined,
      record,
    );
}

/**
 * Formats an instant in the channel's time zone and names the zone (unless `named` is false, for
 * tables that name it once in the column header).
 */
export function useFormatInZone(): (
  iso: string,
  options?: Intl.DateTimeFormatOptions,
  named?: boolean,
) => string {
  const { timeZone } = useCurrentChannel();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (iso, options, named = true) => {
    const time = formatInstant(iso, timeZone, locale, options);
    return named ? translate('app.time.in_zone', { time, zone: timeZone }) : time;
  };
}

/** A column header naming the channel's time zone: "Starts (Asia/Seoul)". */
export function useZonedLabel(): (label: string) => string {
  const { timeZone } = useCurrentChannel();
  const translate = useTranslate();
  return (label) => translate('app.time.in_zone', { time: translate(label), zone: timeZone });
}

export interface ZonedDateFieldProps {
  source: string;
  /** For react-admin's column header and `<Labeled>`. */
  label?: string;
  options?: Intl.DateTimeFormatOptions;
  /** False in table cells whose header names the zone. */
  named?: boolean;
}

/** An instant of the record, shown in the channel's time zone with the zone named. */
export function ZonedDateField({ source, options, named = true }: ZonedDateFieldProps) {
  const record = useRecordContext();
  const format = useFormatInZone();
  const value = valueAt(record, source);
  if (typeof value !== 'string' || value === '') {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {format(value, options, named)}
    </Typography>
  );
}
