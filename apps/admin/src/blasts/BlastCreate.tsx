import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Alert, Box, CircularProgress, Step, StepButton, Stepper } from '@mui/material';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  Button,
  Create,
  Form,
  SaveButton,
  ShowButton,
  Toolbar,
  useGetOne,
  useNotify,
  useRecordFromLocation,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState } from 'react-hook-form';

import {
  type BlastFormValues,
  type BlastPrefill,
  calendarContent,
  campaignContent,
  errorPaths,
  firstStepWith,
  formToCreate,
  newBlastValues,
  readPrefill,
  stepOfField,
  type TargetContent,
  WIZARD_STEPS,
  type WizardStep,
} from '@admin/blasts/blastForm';
import { StartBlastButton } from '@admin/blasts/StartBlastButton';
import { TestSendPanel } from '@admin/blasts/TestSendPanel';
import { type Blast } from '@admin/blasts/types';
import { AudienceStep } from '@admin/blasts/wizard/AudienceStep';
import { DeliveryStep } from '@admin/blasts/wizard/DeliveryStep';
import { MessageStep } from '@admin/blasts/wizard/MessageStep';
import { ReviewStep } from '@admin/blasts/wizard/ReviewStep';
import { ScheduleStep } from '@admin/blasts/wizard/ScheduleStep';
import { type Campaign } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';

/** The fields each step validates before moving on ("Next"). */
const STEP_FIELDS: Record<WizardStep, (keyof BlastFormValues)[]> = {
  message: ['name', 'message', 'customButton'],
  audience: ['audienceId'],
  schedule: ['schedule'],
  delivery: ['ratePerSecond', 'quietHours', 'frequencyCap', 'deliveryMode', 'senderRecipientId'],
  review: [],
};

const STEP_VIEWS: Record<WizardStep, () => ReactNode> = {
  message: MessageStep,
  audience: AudienceStep,
  schedule: ScheduleStep,
  delivery: DeliveryStep,
  review: ReviewStep,
};

/** The steps as a clickable header; a step holding an error is marked. */
function WizardStepper({
  active,
  onSelect,
  stepsWithErrors = new Set(),
  done = false,
}: {
  active: number;
  onSelect?: (index: number) => void;
  stepsWithErrors?: ReadonlySet<WizardStep>;
  done?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Stepper nonLinear activeStep={done ? WIZARD_STEPS.length : active} sx={{ mb: 3 }}>
      {[...WIZARD_STEPS, 'start' as const].map((step, index) => (
        <Step key={step} completed={done && index < WIZARD_STEPS.length}>
          <StepButton
            onClick={onSelect && step !== 'start' ? () => onSelect(index) : undefined}
            disabled={!onSelect || step === 'start'}
            data-testid={`wizard-step-${step}`}
            optional={
              step !== 'start' && stepsWithErrors.has(step) ? (
                <Box component="span" sx={{ color: 'error.main', fontSize: 12 }}>
                  {translate('app.blasts.wizard.has_errors')}
                </Box>
              ) : undefined
            }
          >
            {translate(`app.blasts.steps.${step}`)}
          </StepButton>
        </Step>
      ))}
    </Stepper>
  );
}

/** The five steps of one form: all mounted (so the API's errors land under their inputs), one shown. */
function WizardForm() {
  const [active, setActive] = useState(0);
  const { trigger, watch, getFieldState } = useFormContext<BlastFormValues>();
  const { errors, isSubmitting } = useFormState<BlastFormValues>();
  const paths = errorPaths(errors);
  const stepsWithErrors = new Set(paths.map(stepOfField));
  const [wasSubmitting, setWasSubmitting] = useState(isSubmitting);

  // After a refused save (client checks or the API's), show the first step with an error.
  if (wasSubmitting !== isSubmitting) {
    setWasSubmitting(isSubmitting);
    const step = isSubmitting ? undefined : firstStepWith(paths);
    if (step !== undefined) {
      setActive(WIZARD_STEPS.indexOf(step));
    }
  }

  // "Next" validates without submitting, so react-hook-form would keep an error until the next
  // press: check again a field that shows one as soon as it changes.
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (name && getFieldState(name).error) {
        void trigger(name);
      }
    });
    return () => subscription.unsubscribe();
  }, [watch, getFieldState, trigger]);

  const step = WIZARD_STEPS[active] ?? 'message';
  const next = async (): Promise<void> => {
    if (await trigger(STEP_FIELDS[step])) {
      setActive(Math.min(active + 1, WIZARD_STEPS.length - 1));
    }
  };
  return (
    <>
      <WizardStepper active={active} onSelect={setActive} stepsWithErrors={stepsWithErrors} />
      {WIZARD_STEPS.map((view, index) => {
        const View = STEP_VIEWS[view];
        return (
          <Box
            key={view}
            data-testid={`wizard-${view}`}
            sx={{ display: index === active ? 'block' : 'none' }}
          >
            <View />
          </Box>
        );
      })}
      <Toolbar sx={{ mt: 2, gap: 1, justifyContent: 'space-between' }}>
        <Button
          label="app.blasts.actions.back"
          onClick={() => setActive(Math.max(active - 1, 0))}
          disabled={active === 0}
          data-testid="wizard-back"
        >
          <ArrowBackIcon />
        </Button>
        {step === 'review' ? (
          <SaveButton label="app.blasts.actions.save_draft" data-testid="wizard-save" />
        ) : (
          <Button
            label="app.blasts.actions.next"
            variant="contained"
            onClick={() => void next()}
            data-testid="wizard-next"
          >
            <ArrowForwardIcon />
          </Button>
        )}
      </Toolbar>
    </>
  );
}

/** After saving: a test message to one person, then start (or open the blast to start later). */
function StartStep({ blast }: { blast: Blast }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="wizard-start">
      <WizardStepper active={WIZARD_STEPS.length} done />
      <Alert severity="success">{translate('app.blasts.wizard.saved', { name: blast.name })}</Alert>
      <TestSendPanel blastId={blast.id} />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <StartBlastButton blast={blast} variant="contained" />
        <ShowButton record={blast} resource="blasts" label="app.blasts.actions.open_blast" />
      </Box>
    </Box>
  );
}

/** What a prefilled event or calendar gives the message; undefined while it loads. */
function usePrefillContent(prefill: BlastPrefill): TargetContent | undefined {
  const { idType, campaignId, subscribeCalendarId } = prefill.message ?? {};
  const calendarId = idType === 'calendar' ? subscribeCalendarId : undefined;
  const eventId = idType === 'calendar' ? undefined : campaignId;
  const calendar = useGetOne<SubscribeCalendar>(
    'subscribe-calendars',
    { id: calendarId ?? '' },
    { enabled: calendarId !== undefined },
  );
  const campaign = useGetOne<Campaign>(
    'campaigns',
    { id: eventId ?? '' },
    { enabled: eventId !== undefined },
  );
  return useMemo(() => {
    if (calendarId !== undefined) {
      return calendar.isFetched ? (calendar.data ? calendarContent(calendar.data) : {}) : undefined;
    }
    if (eventId !== undefined) {
      return campaign.isFetched ? (campaign.data ? campaignContent(campaign.data) : {}) : undefined;
    }
    return {};
  }, [calendarId, eventId, calendar.isFetched, calendar.data, campaign.isFetched, campaign.data]);
}

/**
 * The blast wizard: message (with Kakao's bubble drawn live), audience, schedule, delivery and a
 * review with the estimate; saving creates a draft, which can then be test-sent and started.
 * Another screen may prefill it (`state: { record: { message: { idType, ... } } }`).
 */
export function BlastCreate() {
  const notify = useNotify();
  const { timeZone, settings } = useCurrentChannel();
  const fromLocation = useRecordFromLocation();
  const content = usePrefillContent(readPrefill(fromLocation));
  // The form starts once its defaults are known: a later reset would drop what was typed.
  const ready = settings !== undefined && content !== undefined;
  const initial = useMemo(
    () => newBlastValues(timeZone, fromLocation, content),
    [timeZone, fromLocation, content],
  );
  const [created, setCreated] = useState<Blast | null>(null);
  return (
    <Create<Blast>
      title="app.blasts.wizard.title"
      transform={(values: BlastFormValues) => formToCreate(values)}
      mutationOptions={{
        onSuccess: (blast: Blast) => {
          notify('app.blasts.notifications.created', { type: 'success' });
          setCreated(blast);
        },
      }}
    >
      <Box sx={{ p: 2 }}>
        {created ? <StartStep blast={created} /> : null}
        {!created && ready ? (
          <Form record={initial} noValidate warnWhenUnsavedChanges>
            <WizardForm />
          </Form>
        ) : null}
        {!created && !ready ? <CircularProgress size={24} /> : null}
      </Box>
    </Create>
  );
}
