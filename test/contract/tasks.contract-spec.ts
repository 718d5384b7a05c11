import { type KakaoClient, type Task, type TaskCreate } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('mints users with talk_calendar_task through the control API');

describeContract('tasks (4.21–4.26)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let user: SandboxUser;

  const allTasks = async (status?: 'TODO' | 'COMPLETED' | 'ALL'): Promise<Task[]> => {
    const tasks: Task[] = [];
    for await (const task of client.tasks.tasks(user.access_token, { task_status: status })) {
      tasks.push(task);
    }
    return tasks;
  };

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    user = await harness.control.createUser(app);
  });

  it('4.21 creates a task and 4.22 lists it as TODO', async () => {
    const id = await client.tasks.createTask(user.access_token, {
      content: 'Order banners',
      due_info: { due_date: '20300412', time_zone: 'Asia/Seoul', alarm_time: '0900' },
    });
    const page = await client.tasks.listTasks(user.access_token);
    expect(page.has_next).toBe(false);
    expect(page.tasks).toEqual([
      expect.objectContaining({
        id,
        content: 'Order banners',
        status: 'TODO',
        due_info: { due_date: '20300412', time_zone: 'Asia/Seoul', alarm_time: '0900' },
      }),
    ]);
  });

  it('4.25 completes and reopens a task, and 4.22 filters by task_status', async () => {
    const id = await client.tasks.createTask(user.access_token, { content: 'Ship' });
    await client.tasks.completeTask(user.access_token, id, true);
    expect((await allTasks('COMPLETED')).map((t) => t.id)).toEqual([id]);
    expect(await allTasks('TODO')).toEqual([]);
    await client.tasks.completeTask(user.access_token, id, false);
    expect((await allTasks('TODO')).map((t) => t.id)).toEqual([id]);
    expect((await allTasks('ALL')).map((t) => t.status)).toEqual(['TODO']);
  });

  it('4.24 updates a task', async () => {
    const id = await client.tasks.createTask(user.access_token, { content: 'Draft' });
    await expect(
      client.tasks.updateTask(user.access_token, id, {
        content: 'Final',
        due_info: { due_date: '20300501' },
      }),
    ).resolves.toBe(id);
    expect(await allTasks()).toEqual([
      expect.objectContaining({
        id,
        content: 'Final',
        due_info: expect.objectContaining({ due_date: '20300501' }),
      }),
    ]);
  });

  it('4.26 deletes a task; deleting it again answers -2', async () => {
    const id = await client.tasks.createTask(user.access_token, { content: 'Temp' });
    await client.tasks.deleteTask(user.access_token, id);
    expect(await allTasks()).toEqual([]);
    await expectCode(client.tasks.deleteTask(user.access_token, id), -2, 400);
  });

  it('4.23 answers the records of a repeating task and -2 for a plain one', async () => {
    const repeating = await client.tasks.createTask(user.access_token, {
      content: 'Daily stretch',
      due_info: { due_date: '20300401' },
      recur: { rrule: 'FREQ=DAILY;COUNT=10' },
    });
    await client.tasks.completeTask(user.access_token, repeating, true);
    const records = await client.tasks.getTaskRecords(user.access_token, repeating);
    expect(records.task_id).toBe(repeating);
    expect(Array.isArray(records.records)).toBe(true);
    for (const record of records.records) {
      expect(record).toEqual({
        date: expect.stringMatching(/^\d{8}$/),
        completed: expect.any(Boolean),
      });
    }
    const plain = await client.tasks.createTask(user.access_token, { content: 'Once' });
    await expectCode(client.tasks.getTaskRecords(user.access_token, plain), -2, 400);
  });

  it('pages tasks via after_url (limit 100–1000)', async () => {
    const created = new Set<string>();
    for (let i = 0; i < 105; i += 1) {
      created.add(await client.tasks.createTask(user.access_token, { content: `Task ${i}` }));
    }
    const first = await client.tasks.listTasks(user.access_token, { limit: 100 });
    expect(first.tasks).toHaveLength(100);
    expect(first.has_next).toBe(true);
    expect(first.after_url).toEqual(expect.stringContaining('/v1/api/calendar/tasks?'));
    const second = await client.tasks.listTasksAfter(user.access_token, first.after_url ?? '');
    expect(second).toMatchObject({ has_next: false });
    expect(second.tasks).toHaveLength(5);
    expect(new Set((await allTasks()).map((t) => t.id))).toEqual(created);
    await expectCode(client.tasks.listTasks(user.access_token, { limit: 99 }), -2, 400);
  });

  it.each<[string, TaskCreate]>([
    ['empty content', { content: '' }],
    ['content over 100 characters', { content: 'c'.repeat(101) }],
    ['an impossible due_date', { content: 'x', due_info: { due_date: '20300230' } }],
    ['a due_date in another format', { content: 'x', due_info: { due_date: '2030-04-12' } }],
    [
      'an alarm_time off the grid',
      { content: 'x', due_info: { due_date: '20300412', alarm_time: '0903' } },
    ],
    ['an alarm_time without due_date', { content: 'x', due_info: { alarm_time: '0900' } }],
    ['an unparsable recur rule', { content: 'x', recur: { rrule: 'SOMETIMES' } }],
  ])('rejects %s with -2', async (_case, task) => {
    await expectCode(client.tasks.createTask(user.access_token, task), -2, 400);
  });

  it('accepts 100-character content', async () => {
    await expect(
      client.tasks.createTask(user.access_token, { content: 'c'.repeat(100) }),
    ).resolves.toEqual(expect.any(String));
  });

  it('answers -2 for unknown task ids', async () => {
    await expectCode(client.tasks.completeTask(user.access_token, 'nope', true), -2, 400);
    await expectCode(client.tasks.updateTask(user.access_token, 'nope', { content: 'x' }), -2, 400);
  });

  it("refuses another user's task with -6 (9.3)", async () => {
    const other = await harness.control.createUser(app);
    const id = await client.tasks.createTask(other.access_token, { content: 'Theirs' });
    await expectCode(client.tasks.deleteTask(user.access_token, id), -6, 403);
  });

  it('needs talk_calendar_task consent (-402 with required_scopes)', async () => {
    const noConsent = await harness.control.createUser(app, { scopes: ['talk_calendar'] });
    const error = await expectCode(
      client.tasks.createTask(noConsent.access_token, { content: 'x' }),
      -402,
      403,
    );
    expect(error.requiredScopes).toEqual(['talk_calendar_task']);
  });
});
