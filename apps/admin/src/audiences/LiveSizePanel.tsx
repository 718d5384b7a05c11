import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  type HttpError,
  useDataProvider,
  useLocaleState,
  useTranslate,
  ValidationError,
} from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type AudienceFormValues, previewRequest } from '@admin/audiences/audienceValues';
import { type AudienceDefinition, type AudienceSize } from '@admin/audiences/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { type Recipient } from '@admin/recipients/types';
import { useDebouncedValue } from '@admin/shared/useDebouncedValue';

/** How long the rules must stay unchanged before they are sized. */
export const PREVIEW_DEBOUNCE_MS = 400;

type SizeState = 'incomplete' | 'loading' | 'ready' | 'error';

interface SizeViewProps {
  state: SizeState;
  size: AudienceSize | undefined;
  sample?: Recipient[];
  error?: HttpError | null;
  busy: boolean;
  hint?: string;
}

/** The numbers: who may be messaged now (consent active) and everyone the rules match. */
export function SizeView({ state, size, sample, error, busy, hint }: SizeViewProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  const fieldErrors = (error?.body as { errors?: Record<string, string> } | undefined)?.errors;
  return (
    <Card variant="outlined" data-testid="live-size" data-state={state}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">
          {translate('app.audience.size.title')}
        </Typography>
        {state === 'incomplete' ? (
          <Typography variant="body2" color="text.secondary">
            {translate(hint ?? 'app.audience.size.incomplete')}
          </Typography>
        ) : null}
        {state === 'error' && error ? (
          <Alert severity="error">
            {translate(error.message, { _: error.message })}
            {fieldErrors
              ? Object.entries(fieldErrors).map(([path, reason]) => (
                  <Box key={path} sx={{ mt: 0.5 }}>
                    <code>{path}</code>: <ValidationError error={reason} />
                  </Box>
                ))
              : null}
          </Alert>
        ) : null}
        {size && state !== 'incomplete' && state !== 'error' ? (
          <>
            <Typography
              variant="h3"
              component="p"
              data-testid="live-size-count"
              data-count={size.count}
              sx={{ opacity: state === 'ready' ? 1 : 0.5 }}
            >
              {number(size.count)}
            </Typography>
            <Typography variant="body2">{translate('app.audience.size.count_hint')}</Typography>
            <Typography
              variant="body2"
              color="text.secondary"
              data-testid="live-size-matching"
              data-count={size.matching}
            >
              {translate('app.audience.size.matching', {
                smart_count: size.matching,
                count: number(size.matching),
              })}
            </Typography>
          </>
        ) : null}
        {sample && sample.length > 0 && state === 'ready' ? (
          <Box sx={{ mt: 1.5 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('app.audience.size.sample')}
            </Typography>
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
              {sample.map((recipient) => (
                <Chip
                  key={recipient.id}
                  size="small"
                  label={recipient.nickname ?? recipient.kakaoUserId}
                />
              ))}
            </Stack>
          </Box>
        ) : null}
        {busy ? <LinearProgress sx={{ mt: 1.5 }} /> : null}
      </CardContent>
    </Card>
  );
}

/** The size of a saved audience now (`GET /api/audiences/:id/size`). */
export function SavedSize({ id }: { id: string }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const query = useQuery({
    queryKey: ['audiences', 'size', id],
    queryFn: () => dataProvider.audienceSize(id),
  });
  return (
    <SizeView
      state={query.isError ? 'error' : query.data ? 'ready' : 'loading'}
      size={query.data?.data}
      error={query.error as HttpError | null}
      busy={query.isFetching}
    />
  );
}

/**
 * The live size of the rules being edited: once they are complete and have not changed for a
 * moment, `POST /api/audiences/preview` counts them (with the exclusions).
 */
export function LiveSizePanel() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { timeZone } = useCurrentChannel();
  const [kind, rules, exclude, id] = useWatch<
    AudienceFormValues,
    ['kind', 'rules', 'exclude', 'id']
  >({ name: ['kind', 'rules', 'exclude', 'id'] });
  const request = useMemo(() => {
    const definition = previewRequest({ kind, rules, exclude }, timeZone);
    return definition ? JSON.stringify(definition) : null;
  }, [kind, rules, exclude, timeZone]);
  const settled = useDebouncedValue(request, PREVIEW_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['audiences', 'preview', settled],
    queryFn: () => dataProvider.previewAudience(JSON.parse(settled ?? '{}') as AudienceDefinition),
    enabled: kind === 'dynamic' && settled !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (kind === 'static') {
    return id ? (
      <SavedSize id={id} />
    ) : (
      <SizeView
        state="incomplete"
        size={undefined}
        busy={false}
        hint="app.audience.size.static_new"
      />
    );
  }
  const waiting = request !== settled || query.isFetching;
  const state: SizeState =
    request === null
      ? 'incomplete'
      : query.isError && !waiting
        ? 'error'
        : waiting || !query.data
          ? 'loading'
          : 'ready';
  return (
    <SizeView
      state={state}
      size={query.data?.data}
      sample={query.data?.data.sample}
      error={query.error as HttpError | null}
      busy={request !== null && waiting}
    />
  );
}
