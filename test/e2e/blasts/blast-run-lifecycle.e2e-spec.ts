import { DataSource } from 'typeorm';

import { BlastRunTransitions, PauseReason, RunState } from '@app/blasts';
import { startTestStack, type TestStack } from '@app/testing';

// The run's states and the only ways between them, each tried from every state: what is allowed
// moves the run (and only it), what is not answers false and changes nothing.

let stack: TestStack;
let db: DataSource;
let transitions: BlastRunTransitions;
let blastId: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  db = stack.api.get(DataSource);
  transitions = stack.api.get(BlastRunTransitions);
  const [blast] = await db.query<{ id: string }[]>(
    `INSERT INTO blasts (channel_id, name, message, kakao_target_id, audience_id, schedule, rate_per_second, version)
     VALUES ($1, 'Lifecycle', '{}', 'event-1', gen_random_uuid(), '{"kind":"now","timeZone":"Asia/Seoul"}', 10, 1)
     RETURNING id`,
    [stack.channel.id],
  );
  blastId = blast.id;
});

afterAll(async () => {
  await stack?.close();
});

const ALL_STATES = Object.values(RunState);

interface RunRow {
  state: RunState;
  pause_reason: string | null;
  resume_at: Date | null;
  finished_at: Date | null;
}

/** A run in `state`; `open` leaves one ledger row pending. */
async function runIn(
  state: RunState,
  options: { open?: boolean; pauseReason?: PauseReason; resumeInMs?: number } = {},
): Promise<string> {
  const [run] = await db.query<{ id: string }[]>(
    `INSERT INTO blast_runs (blast_id, channel_id, scheduled_at, state, fanout_done, pause_reason, resume_at)
     VALUES ($1, $2, now() - random() * interval '1 day', $3, true, $4, now() + $5 * interval '1 millisecond')
     RETURNING id`,
    [
      blastId,
      stack.channel.id,
      state,
      state === RunState.Paused ? (options.pauseReason ?? PauseReason.Manual) : null,
      options.resumeInMs ?? 0,
    ],
  );
  if (options.open) {
    await db.query(
      `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state) VALUES ($1, gen_random_uuid(), 1, 'pending')`,
      [run.id],
    );
  }
  return run.id;
}

async function rowOf(runId: string): Promise<RunRow> {
  const [row] = await db.query<RunRow[]>(
    `SELECT state, pause_reason, resume_at, finished_at FROM blast_runs WHERE id = $1`,
    [runId],
  );
  return row;
}

type Transition = (runId: string) => Promise<boolean>;

/** Tries `transition` from every state; answers the states it moved from and where to. */
async function tryFromEveryState(
  transition: Transition,
  options: { open?: boolean } = {},
): Promise<Record<string, RunState | 'refused'>> {
  const outcome: Record<string, RunState | 'refused'> = {};
  for (const state of ALL_STATES) {
    const runId = await runIn(state, options);
    const moved = await transition(runId);
    const after = await rowOf(runId);
    if (!moved) {
      expect(after.state).toBe(state);
    }
    outcome[state] = moved ? after.state : 'refused';
  }
  return outcome;
}

describe('blast run lifecycle', () => {
  it('starts only a pending run', async () => {
    expect(await tryFromEveryState((id) => transitions.start(id))).toEqual({
      pending: 'sending',
      sending: 'refused',
      paused: 'refused',
      completed: 'refused',
      cancelled: 'refused',
    });
  });

  it('pauses a sending run (and a paused one when asked), nothing else', async () => {
    expect(
      await tryFromEveryState((id) => transitions.pause(id, PauseReason.Quota, new Date())),
    ).toEqual({
      pending: 'refused',
      sending: 'paused',
      paused: 'refused',
      completed: 'refused',
      cancelled: 'refused',
    });
    const manual = await runIn(RunState.Paused, { pauseReason: PauseReason.QuietHours });
    expect(
      await transitions.pause(manual, PauseReason.Manual, null, [
        RunState.Sending,
        RunState.Paused,
      ]),
    ).toBe(true);
    expect(await rowOf(manual)).toMatchObject({ state: 'paused', pause_reason: 'manual' });
  });

  it('resumes a paused run; by itself only an automatic pause whose time has come', async () => {
    expect(await tryFromEveryState((id) => transitions.resume(id))).toEqual({
      pending: 'refused',
      sending: 'refused',
      paused: 'sending',
      completed: 'refused',
      cancelled: 'refused',
    });
    const manual = await runIn(RunState.Paused, { pauseReason: PauseReason.Manual });
    const notYet = await runIn(RunState.Paused, {
      pauseReason: PauseReason.Quota,
      resumeInMs: 60_000,
    });
    const due = await runIn(RunState.Paused, {
      pauseReason: PauseReason.QuietHours,
      resumeInMs: -1_000,
    });
    expect(await transitions.resume(manual, true)).toBe(false);
    expect(await transitions.resume(notYet, true)).toBe(false);
    expect(await transitions.resume(due, true)).toBe(true);
    expect(await rowOf(due)).toMatchObject({
      state: 'sending',
      pause_reason: null,
      resume_at: null,
    });
  });

  it('reopens a completed or sending run for a resend, not a paused, pending or cancelled one', async () => {
    expect(await tryFromEveryState((id) => transitions.reopen(id))).toEqual({
      pending: 'refused',
      sending: 'sending',
      paused: 'refused',
      completed: 'sending',
      cancelled: 'refused',
    });
  });

  it('completes a sending run only when fan-out is done and no row is open', async () => {
    expect(await tryFromEveryState((id) => transitions.complete(id))).toEqual({
      pending: 'refused',
      sending: 'completed',
      paused: 'refused',
      completed: 'refused',
      cancelled: 'refused',
    });
    expect(await tryFromEveryState((id) => transitions.complete(id), { open: true })).toEqual({
      pending: 'refused',
      sending: 'refused',
      paused: 'refused',
      completed: 'refused',
      cancelled: 'refused',
    });
  });

  it('cancels any run that has not ended', async () => {
    expect(await tryFromEveryState((id) => transitions.cancel(id))).toEqual({
      pending: 'cancelled',
      sending: 'cancelled',
      paused: 'cancelled',
      completed: 'refused',
      cancelled: 'refused',
    });
  });
});
