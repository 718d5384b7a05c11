import {
  Alert,
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  Loading,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { kakaoFieldText } from '@admin/campaigns/show/kakaoCopyText';
import { type Campaign, type KakaoCopy } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { JsonValue } from '@admin/shared/JsonValue';
import { useFormatInZone } from '@admin/time/ZonedDateField';

/** The fields the API compares, in Kakao's order (kakao-event-mapping.ts). */
export const KAKAO_FIELDS = [
  'title',
  'time',
  'rrule',
  'description',
  'location',
  'reminders',
  'color',
  'banner',
] as const;

function member(source: Record<string, unknown> | null, field: string): unknown {
  return source ? source[field] : undefined;
}

/** One side's value of a field, in words where it has some, else as it is. */
function KakaoValue(props: {
  field: string;
  value: unknown;
  event: Record<string, unknown> | null;
  tone?: 'removed' | 'added';
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { timeZone } = useCurrentChannel();
  const readable = kakaoFieldText(props.field, props.value, props.event, {
    translate,
    locale,
    timeZone,
  });
  return <JsonValue value={readable ?? props.value} tone={props.tone} />;
}

/** What we published next to what Kakao shows, in words, differing rows highlighted. */
export function KakaoCopyTable({ copy }: { copy: KakaoCopy }) {
  const translate = useTranslate();
  const differing = new Set(copy.differences.map((difference) => difference.field));
  return (
    <Table size="small" data-testid="kakao-copy">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 140 }}>{translate('app.campaign.kakao.field')}</TableCell>
          <TableCell>
            {copy.publishedRevision !== null
              ? translate('app.campaign.kakao.ours', { revision: copy.publishedRevision })
              : translate('app.campaign.kakao.ours_unpublished')}
          </TableCell>
          <TableCell>{translate('app.campaign.kakao.theirs')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {KAKAO_FIELDS.map((field) => {
          const differs = differing.has(field);
          const difference = copy.differences.find((entry) => entry.field === field);
          return (
            <TableRow
              key={field}
              data-testid={`kakao-row-${field}`}
              data-differs={differs ? 'true' : 'false'}
              sx={differs ? { bgcolor: 'rgba(255, 193, 7, 0.14)' } : undefined}
            >
              <TableCell sx={{ fontWeight: differs ? 700 : 400, verticalAlign: 'top' }}>
                {translate(`app.campaign.kakao.fields.${field}`)}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <KakaoValue
                  field={field}
                  value={difference ? difference.ours : member(copy.ours, field)}
                  event={copy.ours}
                  tone={differs ? 'removed' : undefined}
                />
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <KakaoValue
                  field={field}
                  value={difference ? difference.kakao : member(copy.kakao, field)}
                  event={copy.kakao}
                  tone={differs ? 'added' : undefined}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Kakao's copy of the public event, fetched live from Kakao through the API. */
export function KakaoCopyPanel() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const id = campaign?.id;
  const { data, isPending, error } = useQuery({
    queryKey: ['campaigns', 'kakaoCopy', id, campaign?.version, campaign?.syncState],
    queryFn: () => dataProvider.kakaoCopy(id ?? '').then(({ data: copy }) => copy),
    enabled: id !== undefined && campaign?.kakaoEventId !== null,
  });
  if (!campaign) {
    return null;
  }
  if (campaign.kakaoEventId === null) {
    // Only a campaign that was on Kakao has been checked against it: this one was taken down.
    const withdrawn = campaign.kakaoCheckedAt !== null;
    return (
      <Alert severity="info">
        {translate(
          withdrawn ? 'app.campaign.kakao.unpublished' : 'app.campaign.kakao.not_published',
        )}
      </Alert>
    );
  }
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <EnumValueChip enumName="kakaoState" value={data.kakaoState} />
        <EnumValueChip enumName="syncState" value={campaign.syncState} />
        <Typography variant="body2" color="text.secondary">
          {translate('app.campaign.kakao.checked_at', { time: formatInZone(data.checkedAt) })}
        </Typography>
      </Box>
      {data.kakao === null ? (
        <Alert severity="warning">{translate('app.campaign.kakao.missing')}</Alert>
      ) : data.differences.length === 0 ? (
        <Alert severity="success">{translate('app.campaign.kakao.no_differences')}</Alert>
      ) : (
        <Alert severity="warning">
          {translate('app.campaign.kakao.differences', { smart_count: data.differences.length })}
        </Alert>
      )}
      <KakaoCopyTable copy={data} />
    </Box>
  );
}
