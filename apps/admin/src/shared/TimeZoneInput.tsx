import { useState } from 'react';
import { AutocompleteInput, required } from 'react-admin';

import { offsetLabel, timeZoneNames } from '@admin/time/zonedTime';

export interface TimeZoneInputProps {
  source: string;
  label?: string;
  helperText?: string;
  /** May be left empty (e.g. "the channel's zone"). */
  optional?: boolean;
}

/** Every IANA zone the browser knows, with its current UTC offset; Asia/Seoul first. */
export function TimeZoneInput({ source, label, helperText, optional = false }: TimeZoneInputProps) {
  // Offsets as of when the form opened; they only label the choices.
  const [choices] = useState(() => {
    const now = Date.now();
    return timeZoneNames().map((zone) => ({
      id: zone,
      name: `${zone} (${offsetLabel(zone, now)})`,
    }));
  });
  return (
    <AutocompleteInput
      source={source}
      label={label}
      helperText={helperText}
      choices={choices}
      translateChoice={false}
      validate={optional ? undefined : required()}
      disableClearable={!optional}
      sx={{ minWidth: 280 }}
    />
  );
}
