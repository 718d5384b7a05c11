import {
  Alert,
  Box,
  CircularProgress,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';

import { BlastSummary } from '@admin/blasts/BlastSummary';
import { RunDetail } from '@admin/blasts/run/RunDetail';
import { StartBlastButton } from '@admin/blasts/StartBlastButton';
import { TestSendPanel } from '@admin/blasts/TestSendPanel';
import { type Blast, type BlastRun } from '@admin/blasts/types';
import { useBlastRuns } from '@admin/blasts/useBlastRuns';
import { DuplicateButton } from '@admin/shared/DuplicateButton';
import { useFormatInZone } from '@admin/time/ZonedDateField';

function BlastTitle() {
  const blast = useRecordContext<Blast>();
  return <span>{blast?.name ?? ''}</span>;
}

function Actions() {
  const blast = useRecordContext<Blast>();
  return (
    <TopToolbar>
      <StartBlastButton blast={blast} />
      <DuplicateButton resource="blasts" />
    </TopToolbar>
  );
}

function RunPicker({
  runs,
  value,
  onChange,
}: {
  runs: BlastRun[];
  value: string;
  onChange: (runId: string) => void;
}) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  return (
    <FormControl size="small" sx={{ minWidth: 360, mb: 2 }}>
      <InputLabel id="blast-run">{translate('app.blasts.run.pick')}</InputLabel>
      <Select
        labelId="blast-run"
        label={translate('app.blasts.run.pick')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="run-picker"
      >
        {runs.map((run) => (
          <MenuItem key={run.id} value={run.id}>
            {`${formatInZone(run.scheduledAt)} · ${translate(`app.enums.runState.${run.state}`)}`}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** The blast's runs (one per occurrence of a recurring schedule), the newest shown first. */
function BlastRuns() {
  const blast = useRecordContext<Blast>();
  const translate = useTranslate();
  const { data: runs } = useBlastRuns(blast);
  const [selected, setSelected] = useState<string | undefined>();
  if (!blast) {
    return null;
  }
  if (blast.state === 'draft') {
    return <Alert severity="info">{translate('app.blasts.run.not_started')}</Alert>;
  }
  if (!runs) {
    return <CircularProgress size={24} />;
  }
  const current = runs.find((run) => run.id === selected) ?? runs[0];
  if (!current) {
    return <Alert severity="info">{translate('app.blasts.run.none')}</Alert>;
  }
  return (
    <Box>
      {runs.length > 1 ? <RunPicker runs={runs} value={current.id} onChange={setSelected} /> : null}
      <RunDetail key={current.id} run={current} />
    </Box>
  );
}

function TestSend() {
  const blast = useRecordContext<Blast>();
  return blast ? <TestSendPanel blastId={blast.id} /> : null;
}

/** A blast: what it sends (drawn as KakaoTalk shows it), a test message, and its runs live. */
export function BlastShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />} title={<BlastTitle />}>
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 3 }}>
        <BlastSummary />
        <TestSend />
        <Box>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('app.blasts.run.title')}
          </Typography>
          <BlastRuns />
        </Box>
      </Box>
    </Show>
  );
}
