import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import RepeatIcon from '@mui/icons-material/Repeat';
import { Alert, Box, Card, IconButton, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Title,
  useDataProvider,
  useGetList,
  useLocaleState,
  useRedirect,
  useLocation,
  useNavigate,
  useTranslate,
} from 'react-admin';

import {
  campaignsByDay,
  holidaysByDay,
  type HolidayMark,
  monthGrid,
  shiftMonth,
} from '@admin/calendar/monthGrid';
import { KAKAO_COLOR_HEX, type Campaign } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { addDays, localDate, wallTimeToInstant } from '@admin/time/zonedTime';

const PER_DAY = 3;

/** `2030-04` → `{ year: 2030, month: 4 }`; undefined for anything else. */
function monthOf(text: string | null): { year: number; month: number } | undefined {
  const match = text ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]) } : undefined;
}

function weekdayNames(locale: string): string[] {
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, index) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2023, 0, 1 + index)),
    ),
  );
}

function CampaignChip({ campaign }: { campaign: Campaign }) {
  const redirect = useRedirect();
  const color = campaign.content.color ? KAKAO_COLOR_HEX[campaign.content.color] : '#607d8b';
  return (
    <Box
      component="button"
      type="button"
      onClick={() => redirect('show', 'campaigns', campaign.id)}
      title={campaign.name}
      data-testid="calendar-campaign"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 0.5,
        width: '100%',
        border: 0,
        borderLeft: 3,
        borderColor: color,
        bgcolor: 'action.hover',
        borderRadius: 0.5,
        px: 0.5,
        py: 0.25,
        mb: 0.25,
        cursor: 'pointer',
        font: 'inherit',
        fontSize: 12,
        textAlign: 'left',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        textOverflow: 'ellipsis',
        opacity: campaign.syncState === 'published' ? 1 : 0.75,
      }}
    >
      {campaign.content.rrule ? <RepeatIcon sx={{ fontSize: 12 }} /> : null}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{campaign.content.title}</span>
    </Box>
  );
}

function DayCell(props: {
  day: string;
  inMonth: boolean;
  today: boolean;
  weekday: number;
  campaigns: Campaign[];
  holidays: HolidayMark[];
}) {
  const translate = useTranslate();
  const { day, inMonth, today, weekday, campaigns, holidays } = props;
  const off = weekday === 0 || holidays.some((holiday) => holiday.off);
  return (
    <Box
      data-testid={`calendar-day-${day}`}
      data-holiday={holidays.length > 0 ? 'true' : 'false'}
      sx={{
        minHeight: 110,
        p: 0.5,
        borderRight: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: inMonth ? 'background.paper' : 'action.hover',
        overflow: 'hidden',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 0.5 }}>
        <Typography
          variant="caption"
          sx={{
            fontWeight: today ? 700 : 500,
            color: off ? 'error.main' : weekday === 6 ? 'info.main' : 'text.primary',
            bgcolor: today ? 'secondary.main' : undefined,
            borderRadius: '50%',
            px: today ? 0.75 : 0,
          }}
        >
          {Number(day.slice(8))}
        </Typography>
        {holidays.map((holiday) => (
          <Tooltip key={holiday.title} title={translate('app.campaign.calendar.holiday')}>
            <Typography
              variant="caption"
              noWrap
              sx={{ color: holiday.off ? 'error.main' : 'text.secondary' }}
              data-testid="calendar-holiday"
            >
              {holiday.title}
            </Typography>
          </Tooltip>
        ))}
      </Box>
      {campaigns.slice(0, PER_DAY).map((campaign) => (
        <CampaignChip key={campaign.id} campaign={campaign} />
      ))}
      {campaigns.length > PER_DAY ? (
        <Typography variant="caption" color="text.secondary">
          {translate('app.campaign.calendar.more', { smart_count: campaigns.length - PER_DAY })}
        </Typography>
      ) : null}
    </Box>
  );
}

/** Campaigns on a month grid in the channel's time zone, Korean holidays (from Kakao) marked. */
export function CampaignCalendar() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { timeZone } = useCurrentChannel();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [openedAt] = useState(Date.now);
  const today = localDate(openedAt, timeZone);
  const location = useLocation();
  const navigate = useNavigate();
  // The month is in the address (`#/calendar?month=2030-04`), so it can be linked and reloaded.
  const thisMonth = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const shown = monthOf(new URLSearchParams(location.search).get('month')) ?? thisMonth;
  const show = (month: { year: number; month: number }): void =>
    navigate(`/calendar?month=${month.year}-${String(month.month).padStart(2, '0')}`);
  const weeks = monthGrid(shown.year, shown.month);
  const days = weeks.flat();
  const first = days[0] ?? today;
  const last = days[days.length - 1] ?? today;
  const windowStart = wallTimeToInstant(`${first}T00:00`, timeZone) ?? `${first}T00:00:00Z`;
  const windowEnd =
    wallTimeToInstant(`${addDays(last, 1)}T00:00`, timeZone) ?? `${addDays(last, 1)}T00:00:00Z`;

  const campaigns = useGetList<Campaign>('campaigns', {
    filter: { startsBefore: windowEnd, endsAfter: windowStart },
    sort: { field: 'startsAt', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });
  const holidays = useQuery({
    queryKey: ['holidays', first, last],
    queryFn: () => dataProvider.holidays(first, last).then(({ data }) => data),
    staleTime: 60 * 60_000,
  });
  const byDay = campaignsByDay(campaigns.data ?? [], days, timeZone);
  const holidayMarks = holidaysByDay(holidays.data ?? []);
  const monthTitle = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(shown.year, shown.month - 1, 1)));
  const monthPrefix = `${shown.year}-${String(shown.month).padStart(2, '0')}`;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="app.campaign.calendar.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <IconButton
          aria-label={translate('app.campaign.calendar.previous')}
          onClick={() => show(shiftMonth(shown.year, shown.month, -1))}
        >
          <ChevronLeftIcon />
        </IconButton>
        <Typography
          variant="h6"
          data-testid="calendar-month"
          sx={{ minWidth: 160, textAlign: 'center' }}
        >
          {monthTitle}
        </Typography>
        <IconButton
          aria-label={translate('app.campaign.calendar.next')}
          onClick={() => show(shiftMonth(shown.year, shown.month, 1))}
        >
          <ChevronRightIcon />
        </IconButton>
        <Button label="app.campaign.calendar.today" onClick={() => show(thisMonth)} />
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {translate('app.time.zone_hint', { zone: timeZone })} ·{' '}
          {translate('app.campaign.calendar.recurring_note')}
        </Typography>
      </Box>
      {campaigns.error ? (
        <Alert severity="error">
          {translate(campaigns.error.message, { _: campaigns.error.message })}
        </Alert>
      ) : null}
      <Card variant="outlined">
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
          {weekdayNames(locale).map((name, index) => (
            <Box
              key={name}
              sx={{
                p: 0.5,
                textAlign: 'center',
                borderBottom: 1,
                borderRight: 1,
                borderColor: 'divider',
                color: index === 0 ? 'error.main' : index === 6 ? 'info.main' : 'text.secondary',
                fontSize: 12,
                fontWeight: 600,
              }}
            >
              {name}
            </Box>
          ))}
          {days.map((day, index) => (
            <DayCell
              key={day}
              day={day}
              weekday={index % 7}
              inMonth={day.startsWith(monthPrefix)}
              today={day === today}
              campaigns={byDay.get(day) ?? []}
              holidays={holidayMarks.get(day) ?? []}
            />
          ))}
        </Box>
      </Card>
    </Box>
  );
}
