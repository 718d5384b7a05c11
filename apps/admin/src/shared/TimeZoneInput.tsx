import { useState } from 'react';
import { AutocompleteInput, required } from 'react-admin';

import { offsetLabel, timeZoneNames } from '@admin/time/zonedTime';

export interface TimeZoneInputProps {
  source: string;
  label?: string;
  helperText?: string;
}

/** Every IANA zone the browser knows, with its current UTC offset; Asia/Seoul first. */
export function TimeZoneInput({ source, label, helperText }: TimeZoneInputProps) {
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
      validate={required()}
      disableClearable
      sx={{ minWidth: 280 }}
    />
  );
}
