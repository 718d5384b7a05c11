import {
  Box,
  FormControl,
  FormControlLabel,
  FormHelperText,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { InputHelperText, useInput, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type CampaignFormValues, startDateOf } from '@admin/campaigns/campaignForm';
import {
  buildRrule,
  defaultRecurrence,
  describeRecurrence,
  FREQUENCIES,
  MAX_COUNT,
  parseRrule,
  type RecurrenceEnd,
  type RecurrenceFields,
  recurrenceProblems,
  WEEKDAYS,
  type Weekday,
} from '@admin/campaigns/recurrence';

const INTERVALS = Array.from({ length: 30 }, (_, index) => index + 1);
const MONTH_DAYS = Array.from({ length: 31 }, (_, index) => index + 1);

/** The weekday of a `YYYY-MM-DD` date as an RRULE day. */
function weekdayOf(date: string | undefined): Weekday | undefined {
  if (!date) {
    return undefined;
  }
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return Number.isNaN(day) ? undefined : WEEKDAYS[(day + 6) % 7];
}

interface BuilderProps {
  fields: RecurrenceFields;
  startDate: string | undefined;
  onChange: (fields: RecurrenceFields) => void;
}

function CountField({ count, onChange }: { count: number; onChange: (count: number) => void }) {
  const translate = useTranslate();
  const [text, setText] = useState(String(count));
  const value = Number(text);
  const valid = /^\d+$/.test(text) && value >= 1 && value <= MAX_COUNT;
  return (
    <TextField
      size="small"
      type="number"
      label={translate('app.recurrence.count')}
      value={text}
      error={!valid}
      helperText={valid ? ' ' : translate('app.validation.count')}
      onChange={(event) => {
        setText(event.target.value);
        const next = Number(event.target.value);
        if (/^\d+$/.test(event.target.value) && next >= 1 && next <= MAX_COUNT) {
          onChange(next);
        }
      }}
      slotProps={{ htmlInput: { min: 1, max: MAX_COUNT, 'data-testid': 'recurrence-count' } }}
      sx={{ width: 140 }}
    />
  );
}

function RecurrenceBuilder({ fields, startDate, onChange }: BuilderProps) {
  const translate = useTranslate();
  const problems = recurrenceProblems(fields, startDate);
  const set = (patch: Partial<RecurrenceFields>): void => onChange({ ...fields, ...patch });
  const setEnd = (end: RecurrenceEnd): void => onChange({ ...fields, end });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <FormControl size="small" fullWidth={false} sx={{ width: 180 }}>
          <InputLabel id="recurrence-frequency">{translate('app.recurrence.frequency')}</InputLabel>
          <Select
            labelId="recurrence-frequency"
            label={translate('app.recurrence.frequency')}
            value={fields.frequency}
            data-testid="recurrence-frequency"
            onChange={(event) =>
              set({
                frequency: event.target.value,
                weekdays: [],
                monthDay: undefined,
              })
            }
          >
            {FREQUENCIES.map((frequency) => (
              <MenuItem key={frequency} value={frequency}>
                {translate(`app.enums.frequency.${frequency}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl
          size="small"
          fullWidth={false}
          sx={{ width: 110 }}
          error={problems.interval !== undefined}
        >
          <InputLabel id="recurrence-interval">{translate('app.recurrence.interval')}</InputLabel>
          <Select
            labelId="recurrence-interval"
            label={translate('app.recurrence.interval')}
            value={fields.interval}
            data-testid="recurrence-interval"
            onChange={(event) => set({ interval: Number(event.target.value) })}
          >
            {(INTERVALS.includes(fields.interval)
              ? INTERVALS
              : [...INTERVALS, fields.interval]
            ).map((interval) => (
              <MenuItem key={interval} value={interval}>
                {interval}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Typography variant="body2">
          {translate(`app.recurrence.interval_unit.${fields.frequency}`)}
        </Typography>
      </Box>

      {fields.frequency === 'WEEKLY' ? (
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('app.recurrence.weekdays')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            value={fields.weekdays}
            onChange={(_event, days: Weekday[]) =>
              set({ weekdays: WEEKDAYS.filter((day) => days.includes(day)) })
            }
            aria-label={translate('app.recurrence.weekdays')}
          >
            {WEEKDAYS.map((day) => (
              <ToggleButton
                key={day}
                value={day}
                aria-label={translate(`app.enums.weekday.${day}`)}
                data-testid={`weekday-${day}`}
                sx={{ minWidth: 44 }}
              >
                {translate(`app.enums.weekday_short.${day}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
      ) : null}

      {fields.frequency === 'MONTHLY' ? (
        <FormControl size="small" fullWidth={false} sx={{ width: 240 }}>
          <InputLabel id="recurrence-month-day">{translate('app.recurrence.month_day')}</InputLabel>
          <Select
            labelId="recurrence-month-day"
            label={translate('app.recurrence.month_day')}
            value={fields.monthDay ?? 0}
            onChange={(event) => {
              const day = Number(event.target.value);
              set({ monthDay: day === 0 ? undefined : day });
            }}
          >
            <MenuItem value={0}>{translate('app.recurrence.month_day_same')}</MenuItem>
            {MONTH_DAYS.map((day) => (
              <MenuItem key={day} value={day}>
                {day}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      ) : null}

      <FormControl>
        <Typography variant="caption" color="text.secondary">
          {translate('app.recurrence.ends')}
        </Typography>
        <RadioGroup
          row
          value={fields.end.kind}
          onChange={(event) => {
            switch (event.target.value) {
              case 'until':
                setEnd({ kind: 'until', until: startDate ?? '' });
                break;
              case 'count':
                setEnd({ kind: 'count', count: 10 });
                break;
              default:
                setEnd({ kind: 'never' });
            }
          }}
        >
          <FormControlLabel
            value="never"
            control={<Radio size="small" />}
            label={translate('app.recurrence.end_never')}
          />
          <FormControlLabel
            value="until"
            control={<Radio size="small" data-testid="recurrence-end-until" />}
            label={translate('app.recurrence.end_until')}
          />
          <FormControlLabel
            value="count"
            control={<Radio size="small" data-testid="recurrence-end-count" />}
            label={translate('app.recurrence.end_count')}
          />
        </RadioGroup>
        {fields.end.kind === 'until' ? (
          <TextField
            size="small"
            type="date"
            label={translate('app.recurrence.until')}
            value={fields.end.until}
            error={problems.until !== undefined}
            helperText={problems.until ? translate(problems.until) : ' '}
            onChange={(event) => setEnd({ kind: 'until', until: event.target.value })}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'recurrence-until' },
            }}
            sx={{ width: 200, mt: 1 }}
          />
        ) : null}
        {fields.end.kind === 'count' ? (
          <Box sx={{ mt: 1 }}>
            <CountField
              count={fields.end.count}
              onChange={(count) => setEnd({ kind: 'count', count })}
            />
          </Box>
        ) : null}
      </FormControl>
    </Box>
  );
}

export interface RecurrenceInputProps {
  source: string;
  /** The first occurrence's day, for forms other than a campaign's (which derive it from `content`). */
  startDate?: string;
  /** The rule must repeat (no "does not repeat" switch while it has one). */
  required?: boolean;
}

/**
 * The recurrence of a campaign as a builder (frequency, interval, weekdays or day of month, end
 * by date or count) with the rule summarised in words; rules the builder cannot show are edited
 * as text. The stored value is the RRULE the API validates; null when the event does not repeat.
 */
export function RecurrenceInput({ source, startDate: start, required }: RecurrenceInputProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field, fieldState } = useInput<string | null>({ source });
  const content = useWatch<CampaignFormValues, 'content'>({ name: 'content' });
  const startDate = start ?? (content ? startDateOf(content) : undefined);
  const rule = typeof field.value === 'string' ? field.value : '';
  const repeating = rule.trim() !== '';
  const fields = repeating ? parseRrule(rule) : null;

  const toggle = (on: boolean): void => {
    if (!on) {
      field.onChange(null);
      return;
    }
    const weekday = weekdayOf(startDate);
    field.onChange(
      buildRrule({ ...defaultRecurrence('WEEKLY'), weekdays: weekday ? [weekday] : [] }),
    );
  };

  const summary = fields
    ? describeRecurrence(fields, {
        translate,
        locale,
        startDate,
        lunar: content?.allDay === true && content.lunar,
      })
    : repeating
      ? rule
      : translate('app.recurrence.does_not_repeat');

  return (
    <Box
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, my: 1, maxWidth: 720 }}
      data-testid="recurrence-builder"
    >
      <FormControlLabel
        sx={required && repeating ? { display: 'none' } : undefined}
        control={
          <Switch
            checked={repeating}
            onChange={(event) => toggle(event.target.checked)}
            slotProps={{ input: { 'aria-label': translate('app.recurrence.repeat') } }}
            data-testid="recurrence-toggle"
          />
        }
        label={translate('app.recurrence.repeat')}
      />
      {repeating && fields ? (
        <RecurrenceBuilder
          fields={fields}
          startDate={startDate}
          onChange={(next) => field.onChange(buildRrule(next))}
        />
      ) : null}
      {repeating && !fields ? (
        <TextField
          fullWidth
          size="small"
          label={translate('app.recurrence.rule')}
          value={rule}
          onChange={(event) => field.onChange(event.target.value)}
          helperText={translate('app.recurrence.advanced')}
          sx={{ mt: 1 }}
        />
      ) : null}
      <Typography variant="body2" sx={{ mt: 1, fontWeight: 500 }} data-testid="recurrence-summary">
        {summary}
      </Typography>
      {fieldState.error ? (
        <FormHelperText error>
          <InputHelperText error={fieldState.error.message} />
        </FormHelperText>
      ) : null}
    </Box>
  );
}
