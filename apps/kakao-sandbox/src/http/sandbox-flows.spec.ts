import { startSandbox, type RunningSandbox } from '@app/kakao-sandbox/start-sandbox';
import { SandboxTestClient } from '@app/kakao-sandbox/testing/sandbox-client';

interface AppInfo {
  app_id: number;
  admin_key: string;
  rest_api_key: string;
  client_secret: string;
  channels: { channel_public_id: string }[];
  subscribe_calendars: { id: string }[];
}

interface MintedUser {
  user_id: number;
  uuid: string;
  access_token: string;
  refresh_token: string;
}

const HOUR = '2030-05-06T01:00:00Z';

describe('sandbox flows over HTTP', () => {
  let sandbox: RunningSandbox;
  let client: SandboxTestClient;
  let app: AppInfo;
  let admin: string;

  const mint = async (body: Record<string, unknown> = {}): Promise<MintedUser> =>
    (await client.control('POST', `/__sandbox/apps/${app.app_id}/users`, body))
      .body as unknown as MintedUser;
  const bearer = (user: MintedUser): string => `Bearer ${user.access_token}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, silent: true });
    client = new SandboxTestClient(sandbox.url);
  });

  beforeEach(async () => {
    await client.control('POST', '/__sandbox/reset');
    const created = await client.control('POST', '/__sandbox/apps', {
      name: 'Flows',
      channels: [{ name: 'Brand', public_id: '_Brand' }],
      subscribe_calendars: [
        {
          name: 'Weekly Drops',
          color: 'ORANGE',
          events: [
            {
              title: 'Drop',
              time: { start_at: '2030-05-03T01:00:00Z', end_at: '2030-05-03T02:00:00Z' },
              rrule: 'FREQ=WEEKLY;COUNT=4',
            },
          ],
        },
      ],
    });
    app = created.body as unknown as AppInfo;
    admin = `KakaoAK ${app.admin_key}`;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('manages sub-calendars with the limits of 3.6', async () => {
    const user = await mint({ other_service_calendars: 1 });
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      const created = await client.kakao('POST', '/v2/api/calendar/create/calendar', bearer(user), {
        name,
        color: 'MINT',
        reminder: '60',
      });
      expect(created.status).toBe(200);
      ids.push(created.body.calendar_id as string);
    }
    const fourth = await client.kakao('POST', '/v2/api/calendar/create/calendar', bearer(user), {
      name: 'D',
    });
    expect(fourth.body.code).toBe(-2);
    const list = await client.kakao('GET', '/v2/api/calendar/calendars', bearer(user), {
      filter: 'USER',
    });
    const calendars = list.body.calendars as Record<string, unknown>[];
    expect(calendars).toHaveLength(5);
    expect(calendars[0]).toMatchObject({ id: 'primary', name: '내 캘린더' });
    expect(calendars[1]).toEqual({ id: expect.stringMatching(/^user_/) as string });
    expect(list.body.subscribe_calendars).toBeUndefined();
    const primary = await client.kakao('POST', '/v2/api/calendar/update/calendar', bearer(user), {
      calendar_id: 'primary',
      name: 'x',
    });
    expect(primary).toMatchObject({ status: 403, body: { code: -6 } });
    const foreign = await client.kakao('DELETE', '/v2/api/calendar/delete/calendar', bearer(user), {
      calendar_id: calendars[1].id as string,
    });
    expect(foreign.body.code).toBe(-6);
    const badColor = await client.kakao('POST', '/v2/api/calendar/update/calendar', bearer(user), {
      calendar_id: ids[0],
      color: 'PURPLE',
    });
    expect(badColor.body.code).toBe(-2);
    const renamed = await client.kakao('POST', '/v2/api/calendar/update/calendar', bearer(user), {
      calendar_id: ids[0],
      name: 'A2',
    });
    expect(renamed.body).toEqual({ calendar_id: ids[0] });
    const deleted = await client.kakao('DELETE', '/v2/api/calendar/delete/calendar', bearer(user), {
      calendar_id: ids[0],
    });
    expect(deleted.body).toEqual({ calendar_id: ids[0] });
  });

  it('creates, reads, edits and deletes a recurring personal event', async () => {
    const user = await mint();
    const created = await client.kakao('POST', '/v2/api/calendar/create/event', bearer(user), {
      event: {
        title: 'Standup',
        time: {
          start_at: '2030-05-06T00:00:00.000Z',
          end_at: '20300506T003000Z',
          time_zone: 'Asia/Seoul',
        },
        rrule: 'FREQ=DAILY;COUNT=5;',
        reminders: [5],
      },
    });
    const seriesId = created.body.event_id as string;
    const list = async () =>
      (
        await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
          from: '2030-05-01T00:00:00Z',
          to: '2030-05-31T00:00:00Z',
        })
      ).body.events as { id: string; title: string; time: { start_at: string } }[];
    expect(await list()).toHaveLength(5);

    const noType = await client.kakao('POST', '/v2/api/calendar/update/event/host', bearer(user), {
      event_id: seriesId,
      event: { title: 'x' },
    });
    expect(noType.body.code).toBe(-2);

    const thirdId = `${seriesId}_20300508T000000Z`;
    const detail = await client.kakao('GET', '/v2/api/calendar/event', bearer(user), {
      event_id: thirdId,
    });
    expect(detail.body.event).toMatchObject({
      id: thirdId,
      is_host: true,
      is_recur_event: true,
      rrule: 'FREQ=DAILY;COUNT=5',
      dt_start: '2030-05-06T00:00:00Z',
      reminders: [5],
      time: { start_at: '2030-05-08T00:00:00Z', end_at: '2030-05-08T00:30:00Z' },
    });

    const edited = await client.kakao('POST', '/v2/api/calendar/update/event/host', bearer(user), {
      event_id: thirdId,
      recur_update_type: 'THIS',
      event: { title: 'Standup (moved)' },
    });
    expect(edited.body.event_id).not.toBe(seriesId);
    let events = await list();
    expect(events.map((e) => e.title)).toEqual([
      'Standup',
      'Standup',
      'Standup (moved)',
      'Standup',
      'Standup',
    ]);

    const following = await client.kakao(
      'POST',
      '/v2/api/calendar/update/event/host',
      bearer(user),
      {
        event_id: `${seriesId}_20300509T000000Z`,
        recur_update_type: 'THIS_AND_FOLLOWING',
        event: { title: 'Retro' },
      },
    );
    expect(following.status).toBe(200);
    events = await list();
    expect(events.map((e) => e.title)).toEqual([
      'Standup',
      'Standup',
      'Standup (moved)',
      'Retro',
      'Retro',
    ]);

    await client.kakao('DELETE', '/v2/api/calendar/delete/event', bearer(user), {
      event_id: `${seriesId}_20300507T000000Z`,
      recur_update_type: 'THIS',
    });
    expect(await list()).toHaveLength(4);

    await client.kakao('DELETE', '/v2/api/calendar/delete/event', bearer(user), {
      event_id: seriesId,
      recur_update_type: 'ALL',
    });
    expect((await list()).map((e) => e.title)).toEqual(['Retro', 'Retro']);
  });

  it('validates events per section 7', async () => {
    const user = await mint();
    const send = (event: unknown) =>
      client.kakao('POST', '/v2/api/calendar/create/event', bearer(user), { event });
    const time = { start_at: '2030-05-06T01:00:00Z', end_at: '2030-05-06T02:00:00Z' };
    const bad = [
      { time },
      { title: 'x'.repeat(51), time },
      { title: 'x', time: { ...time, start_at: '2030-05-06T01:03:00Z' } },
      { title: 'x', time: { ...time, end_at: '2030-05-06T01:00:00Z' } },
      { title: 'x', time: { ...time, all_day: true } },
      { title: 'x', time, reminders: [5, 10, 15] },
      { title: 'x', time, reminders: [7] },
      { title: 'x', time, color: 'TEAL' },
      { title: 'x', time, location: { address: 'no name' } },
      { title: 'x', time, rrule: 'FREQ=HOURLY' },
      { title: 'x', time, rrule: 'FREQ=DAILY;COUNT=2;UNTIL=20300601T000000Z' },
      { title: 'x', time: { ...time, lunar: true }, rrule: 'FREQ=WEEKLY' },
      { title: 'x', time, description: 'd'.repeat(5001) },
    ];
    for (const event of bad) {
      const response = await send(event);
      expect({ event, code: response.body.code }).toEqual({ event, code: -2 });
    }
    const allDay = await send({
      title: 'Holiday',
      time: { start_at: '2030-05-05T00:00:00Z', end_at: '2030-05-06T00:00:00Z', all_day: true },
      reminders: [-540],
    });
    expect(allDay.status).toBe(200);
    const toSubscribe = await client.kakao('POST', '/v2/api/calendar/create/event', bearer(user), {
      calendar_id: app.subscribe_calendars[0].id,
      event: { title: 'x', time },
    });
    expect(toSubscribe.body.code).toBe(-6);
    const unknown = await client.kakao('POST', '/v2/api/calendar/create/event', bearer(user), {
      calendar_id: 'user_nope',
      event: { title: 'x', time },
    });
    expect(unknown.body).toEqual({ msg: 'calendar not found', code: -2 });
  });

  it('pages event lists with after_url on its own base URL', async () => {
    const user = await mint();
    for (let day = 1; day <= 30; day += 1) {
      const date = `2030-06-${String(day).padStart(2, '0')}`;
      for (let hour = 0; hour < 5; hour += 1) {
        await client.kakao('POST', '/v2/api/calendar/create/event', bearer(user), {
          event: {
            title: `${date} ${hour}`,
            time: { start_at: `${date}T0${hour}:00:00Z`, end_at: `${date}T0${hour}:30:00Z` },
          },
        });
      }
    }
    const first = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
      from: '2030-06-01T00:00:00Z',
      to: '2030-07-01T00:00:00Z',
    });
    expect(first.body.events).toHaveLength(100);
    expect(first.body.has_next).toBe(true);
    const afterUrl = first.body.after_url as string;
    expect(afterUrl.startsWith(`${sandbox.url}/v2/api/calendar/events?next_page_token=`)).toBe(
      true,
    );
    const second = await fetch(afterUrl, { headers: { authorization: bearer(user) } });
    const page = (await second.json()) as {
      events: unknown[];
      has_next: boolean;
      after_url?: string;
    };
    expect(page.events).toHaveLength(50);
    expect(page.has_next).toBe(false);
    expect(page.after_url).toBeUndefined();
    const tooWide = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
      from: '2030-06-01T00:00:00Z',
      to: '2030-07-03T00:00:00Z',
    });
    expect(tooWide.body.code).toBe(-2);
    const badLimit = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
      preset: 'THIS_WEEK',
      limit: '99',
    });
    expect(badLimit.body.code).toBe(-2);
    const preset = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
      preset: 'TODAY',
    });
    expect(preset.body).toEqual({ events: [], has_next: false });
  });

  it('creates public events, lets users follow them, and removes them from followers on delete', async () => {
    const user = await mint();
    const created = await client.kakao('POST', '/v2/api/calendar/public/create/event', admin, {
      event: {
        title: 'Spring Pop-up',
        time: { start_at: HOUR, end_at: '2030-05-06T03:00:00Z' },
        banner: {
          pc_image_url: 'https://cdn.example.com/b.png',
          link: { web_url: 'https://example.com' },
        },
        notification_message: {
          before_event_reminder: {
            button: { title: '상세보기', link: { web_url: 'https://example.com/e/1' } },
          },
        },
      },
    });
    const eventId = created.body.event_id as string;
    const detail = await client.kakao('GET', '/v2/api/calendar/public/event', admin, {
      event_id: eventId,
    });
    expect(detail.body.event).toMatchObject({
      id: eventId,
      type: 'PUBLIC',
      is_host: true,
      banner: { pc_image_url: 'https://cdn.example.com/b.png' },
    });
    const listed = await client.kakao('GET', '/v2/api/calendar/public/events', admin, {
      channel_public_id: '_Brand',
      from: '2030-05-01T00:00:00Z',
      to: '2030-05-31T00:00:00Z',
    });
    expect(listed.body.events).toHaveLength(1);
    const follow = await client.kakao('POST', '/v2/api/calendar/public/follow', bearer(user), {
      event_id: eventId,
    });
    expect(follow.body).toEqual({ event_id: eventId });
    expect(
      (
        await client.kakao('POST', '/v2/api/calendar/public/follow', bearer(user), {
          event_id: eventId,
        })
      ).body,
    ).toEqual({ event_id: eventId });
    const window = { from: '2030-05-01T00:00:00Z', to: '2030-05-31T00:00:00Z' };
    const before = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), window);
    expect(before.body.events).toEqual([
      expect.objectContaining({
        id: eventId,
        type: 'PUBLIC',
        calendar_id: 'primary',
        is_host: false,
      }),
    ]);
    await client.kakao('POST', '/v2/api/calendar/public/update/event', admin, {
      event_id: eventId,
      event: { title: 'Spring Pop-up (extended)' },
    });
    const updated = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), window);
    expect((updated.body.events as { title: string }[])[0].title).toBe('Spring Pop-up (extended)');
    await client.kakao('DELETE', '/v2/api/calendar/public/delete/event', admin, {
      event_id: eventId,
    });
    const after = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), window);
    expect(after.body.events).toEqual([]);
    const gone = await client.kakao('POST', '/v2/api/calendar/public/update/event', admin, {
      event_id: eventId,
      event: { title: 'x' },
    });
    expect(gone.body.code).toBe(-2);
  });

  it('answers -3 for public events of an app without a channel and -5 without permission', async () => {
    const bare = (await client.control('POST', '/__sandbox/apps', { name: 'bare' }))
      .body as unknown as AppInfo;
    const event = { title: 'x', time: { start_at: HOUR, end_at: '2030-05-06T02:00:00Z' } };
    const noChannel = await client.kakao(
      'POST',
      '/v2/api/calendar/public/create/event',
      `KakaoAK ${bare.admin_key}`,
      {
        event,
      },
    );
    expect(noChannel).toMatchObject({ status: 403, body: { code: -3 } });
    const locked = (
      await client.control('POST', '/__sandbox/apps', {
        channels: [{}],
        permissions: { calendar: false },
      })
    ).body as unknown as AppInfo;
    const noPermission = await client.kakao(
      'POST',
      '/v2/api/calendar/public/create/event',
      `KakaoAK ${locked.admin_key}`,
      { event },
    );
    expect(noPermission).toMatchObject({ status: 403, body: { code: -5 } });
    const member = (
      await client.control('POST', `/__sandbox/apps/${locked.app_id}/users`, { team_member: true })
    ).body as unknown as MintedUser;
    const outsider = (await client.control('POST', `/__sandbox/apps/${locked.app_id}/users`, {}))
      .body as unknown as MintedUser;
    expect((await client.kakao('GET', '/v2/api/calendar/calendars', bearer(member))).status).toBe(
      200,
    );
    expect(
      (await client.kakao('GET', '/v2/api/calendar/calendars', bearer(outsider))).body.code,
    ).toBe(-5);
  });

  it('subscribes and unsubscribes (POST and DELETE) and lists subscribable calendars', async () => {
    const user = await mint();
    const calendarId = app.subscribe_calendars[0].id;
    const subscribable = await client.kakao(
      'GET',
      '/v2/api/calendar/subscribable/calendars',
      admin,
    );
    expect(subscribable.body).toEqual({
      subscribe_calendars: [{ id: calendarId, name: 'Weekly Drops', color: 'ORANGE' }],
    });
    expect(
      (
        await client.kakao('POST', '/v2/api/calendar/subscribe', bearer(user), {
          calendar_id: calendarId,
        })
      ).body,
    ).toEqual({ calendar_id: calendarId });
    const events = await client.kakao('GET', '/v2/api/calendar/events', bearer(user), {
      calendar_id: calendarId,
      from: '2030-05-01T00:00:00Z',
      to: '2030-05-31T00:00:00Z',
    });
    expect(events.body.events).toHaveLength(4);
    expect((events.body.events as { type: string }[])[0].type).toBe('SUBSCRIBE');
    const unsubscribe = await client.kakao('DELETE', '/v2/api/calendar/unsubscribe', bearer(user), {
      calendar_id: calendarId,
    });
    expect(unsubscribe.body).toEqual({ calendar_id: calendarId });
    const again = await client.kakao('DELETE', '/v2/api/calendar/unsubscribe', bearer(user), {
      calendar_id: calendarId,
    });
    expect(again.body.code).toBe(-2);
  });

  it('lists holidays in a window of at most 31 days', async () => {
    const response = await client.kakao('GET', '/v2/api/calendar/holidays', admin, {
      from: '2025-05-01T00:00:00Z',
      to: '2025-05-31T00:00:00Z',
    });
    const events = response.body.events as {
      title: string;
      holiday: boolean;
      time: { start_at: string };
    }[];
    expect(events).toEqual(
      expect.arrayContaining([
        {
          title: '어린이날',
          holiday: true,
          time: {
            start_at: '2025-05-05T00:00:00Z',
            end_at: '2025-05-06T00:00:00Z',
            time_zone: 'Asia/Seoul',
            all_day: true,
            lunar: false,
          },
        },
        expect.objectContaining({ title: '부처님오신날', holiday: true }),
      ]),
    );
    const tooLong = await client.kakao('GET', '/v2/api/calendar/holidays', admin, {
      from: '2025-05-01T00:00:00Z',
      to: '2025-06-01T00:05:00Z',
    });
    expect(tooLong.body.code).toBe(-2);
  });

  it('runs tasks with records', async () => {
    const user = await mint();
    const created = await client.kakao('POST', '/v1/api/calendar/create/task', bearer(user), {
      task: {
        content: 'Stretch',
        due_info: { due_date: '20300506', alarm_time: '0905' },
        recur: { rrule: 'FREQ=DAILY' },
      },
    });
    const taskId = created.body.task_id as string;
    expect(
      (
        await client.kakao('POST', '/v1/api/calendar/create/task', bearer(user), {
          task: { content: 'x', due_info: { alarm_time: '0900' } },
        })
      ).body.code,
    ).toBe(-2);
    await client.kakao('POST', '/v1/api/calendar/complete/task', bearer(user), {
      task_id: taskId,
      complete: 'true',
    });
    const records = await client.kakao('GET', '/v1/api/calendar/task/records', bearer(user), {
      task_id: taskId,
    });
    expect(records.body).toMatchObject({ task_id: taskId, records: [{ completed: true }] });
    const done = await client.kakao('GET', '/v1/api/calendar/tasks', bearer(user), {
      task_status: 'COMPLETED',
    });
    expect(done.body).toEqual({
      tasks: [
        {
          id: taskId,
          content: 'Stretch',
          due_info: { due_date: '20300506', time_zone: 'Asia/Seoul', alarm_time: '0905' },
          recur: { rrule: 'FREQ=DAILY' },
          status: 'COMPLETED',
        },
      ],
      has_next: false,
    });
    await client.kakao('POST', '/v1/api/calendar/update/task', bearer(user), {
      task_id: taskId,
      task: { content: 'Run' },
    });
    await client.kakao('DELETE', '/v1/api/calendar/delete/task', bearer(user), { task_id: taskId });
    const empty = await client.kakao('GET', '/v1/api/calendar/tasks', bearer(user));
    expect(empty.body).toEqual({ tasks: [], has_next: false });
  });

  it('sends to friends with per-recipient failures and lets recipients tap', async () => {
    const sender = await mint({ nickname: 'sender' });
    const friend = await mint({ nickname: 'friend' });
    const stranger = await mint({ nickname: 'stranger' });
    const refuser = await mint({ nickname: 'refuser', allowed_msg: false });
    for (const other of [friend, refuser]) {
      await client.control('POST', `/__sandbox/apps/${app.app_id}/friendships`, {
        user_id: sender.user_id,
        friend_user_id: other.user_id,
      });
    }
    const friends = await client.kakao('GET', '/v1/api/talk/friends', bearer(sender), {
      limit: '1',
    });
    expect(friends.body).toMatchObject({
      total_count: 2,
      favorite_count: 0,
      elements: [{ profile_nickname: 'friend' }],
    });
    expect(friends.body.after_url).toContain('offset=1');
    const template = {
      object_type: 'calendar',
      id_type: 'calendar',
      id: app.subscribe_calendars[0].id,
      content: { title: 'Drops', link: { web_url: 'https://example.com' } },
      buttons: [{ title: 'More', link: { web_url: 'https://example.com/more' } }],
    };
    const sent = await client.kakao(
      'POST',
      '/v1/api/talk/friends/message/default/send',
      bearer(sender),
      {
        receiver_uuids: [friend.uuid, stranger.uuid, refuser.uuid],
        template_object: template,
      },
    );
    expect(sent.body).toEqual({
      successful_receiver_uuids: [friend.uuid],
      failure_info: [
        { code: -502, msg: expect.any(String) as string, receiver_uuids: [stranger.uuid] },
        { code: -530, msg: expect.any(String) as string, receiver_uuids: [refuser.uuid] },
      ],
    });
    const tooMany = await client.kakao(
      'POST',
      '/v1/api/talk/friends/message/default/send',
      bearer(sender),
      {
        receiver_uuids: ['a', 'b', 'c', 'd', 'e', 'f'],
        template_object: template,
      },
    );
    expect(tooMany.body.code).toBe(-2);
    const inbox = await client.control('GET', `/__sandbox/users/${friend.user_id}/messages`);
    const messages = inbox.body.messages as {
      message_id: string;
      sender_user_id: number;
      template: unknown;
    }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ sender_user_id: sender.user_id, template });
    const tap = await client.control(
      'POST',
      `/__sandbox/messages/${messages[0].message_id}/tap`,
      {},
    );
    expect(tap.body).toMatchObject({ action: 'subscribe', changed: true });
    await client.control('POST', `/__sandbox/messages/${messages[0].message_id}/tap`, {
      button: 'custom',
    });
    const calendars = await client.kakao('GET', '/v2/api/calendar/calendars', bearer(friend), {
      filter: 'SUBSCRIBE',
    });
    expect(calendars.body.subscribe_calendars).toHaveLength(1);
    const stats = await client.control('GET', `/__sandbox/stats?app_id=${app.app_id}`);
    expect(stats.body.totals).toMatchObject({
      messages_delivered: 1,
      subscriptions: 1,
      fixed_taps: 1,
      custom_taps: 1,
    });
  });

  it('reports per-recipient quota failures inside failure_info', async () => {
    const limited = (
      await client.control('POST', '/__sandbox/apps', {
        channels: [{}],
        subscribe_calendars: [{ name: 'c' }],
        quotas: { pair_daily: 1, recipient_daily: 5, sender_daily: 3 },
      })
    ).body as unknown as AppInfo;
    const make = async () =>
      (await client.control('POST', `/__sandbox/apps/${limited.app_id}/users`, {}))
        .body as unknown as MintedUser;
    const sender = await make();
    const others = [await make(), await make(), await make(), await make()];
    for (const other of others) {
      await client.control('POST', `/__sandbox/apps/${limited.app_id}/friendships`, {
        user_id: sender.user_id,
        friend_user_id: other.user_id,
      });
    }
    const template = {
      object_type: 'calendar',
      id_type: 'calendar',
      id: limited.subscribe_calendars[0].id,
      content: { title: 'c', link: { web_url: 'https://example.com' } },
    };
    const send = (to: MintedUser[]) =>
      client.kakao('POST', '/v1/api/talk/friends/message/default/send', bearer(sender), {
        receiver_uuids: to.map((u) => u.uuid),
        template_object: template,
      });
    expect((await send([others[0]])).body).toEqual({ successful_receiver_uuids: [others[0].uuid] });
    expect((await send([others[0]])).body).toMatchObject({ failure_info: [{ code: -536 }] });
    expect((await send([others[1], others[2], others[3]])).body).toMatchObject({
      successful_receiver_uuids: [others[1].uuid, others[2].uuid],
      failure_info: [{ code: -532, receiver_uuids: [others[3].uuid] }],
    });
    // Next day (KST): counters reset; the 6-hour token has expired meanwhile, so mint another.
    await client.control('POST', '/__sandbox/clock', { advance_ms: 24 * 3600 * 1000 });
    expect((await send([others[3]])).body.code).toBe(-401);
    const tokens = await client.control('POST', `/__sandbox/users/${sender.user_id}/tokens`, {});
    sender.access_token = tokens.body.access_token as string;
    expect((await send([others[3]])).body).toEqual({ successful_receiver_uuids: [others[3].uuid] });
  });

  it('runs the OAuth authorization-code flow and refresh', async () => {
    const page = await fetch(
      `${sandbox.url}/oauth/authorize?client_id=${app.rest_api_key}&redirect_uri=${encodeURIComponent('http://localhost:3000/cb')}&response_type=code&state=s1&scope=talk_message`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Create a new user');
    const decision = await fetch(`${sandbox.url}/oauth/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.rest_api_key,
        redirect_uri: 'http://localhost:3000/cb',
        response_type: 'code',
        scope: 'talk_message',
        state: 's1',
        user_id: 'new',
        nickname: 'oauth-user',
        action: 'allow',
      }).toString(),
    });
    expect(decision.status).toBe(302);
    const location = new URL(decision.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') ?? '';
    const token = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'authorization_code',
      client_id: app.rest_api_key,
      redirect_uri: 'http://localhost:3000/cb',
      code,
    });
    expect(token.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 21599,
      refresh_token_expires_in: 5183999,
    });
    const reuse = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'authorization_code',
      client_id: app.rest_api_key,
      redirect_uri: 'http://localhost:3000/cb',
      code,
    });
    expect(reuse).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_code: 'KOE320' },
    });
    const me = await client.kakao(
      'GET',
      '/v2/user/me',
      `Bearer ${token.body.access_token as string}`,
    );
    expect(me.body).toMatchObject({ properties: { nickname: 'oauth-user' } });
    const refreshed = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'refresh_token',
      client_id: app.rest_api_key,
      refresh_token: token.body.refresh_token as string,
    });
    expect(refreshed.body).toMatchObject({ token_type: 'bearer', expires_in: 21599 });
    expect(refreshed.body.refresh_token).toBeUndefined();
    const badClient = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'refresh_token',
      client_id: 'nope',
      refresh_token: 'x',
    });
    expect(badClient.body).toMatchObject({ error_code: 'KOE101' });
    const badRedirect = await fetch(
      `${sandbox.url}/oauth/authorize?client_id=${app.rest_api_key}&redirect_uri=${encodeURIComponent('https://evil.example.com/cb')}&response_type=code`,
    );
    expect(((await badRedirect.json()) as { error_code: string }).error_code).toBe('KOE006');
  });

  it('applies faults to Kakao paths only', async () => {
    const user = await mint();
    await client.control('POST', '/__sandbox/faults', {
      path: '/v2/api/calendar/*',
      status: 503,
      remaining: 1,
    });
    const failed = await client.kakao('GET', '/v2/api/calendar/calendars', bearer(user));
    expect(failed).toMatchObject({ status: 503, body: { code: -9798 } });
    const recovered = await client.kakao('GET', '/v2/api/calendar/calendars', bearer(user));
    expect(recovered.status).toBe(200);
    await client.control('POST', '/__sandbox/faults', { path: '/v2/user/me', drop: true });
    await expect(fetch(`${sandbox.url}/v2/user/me`)).rejects.toThrow();
    await client.control('POST', '/__sandbox/faults', { path: '/__sandbox/*', status: 500 });
    expect((await client.control('GET', '/__sandbox/faults')).body.faults).toHaveLength(2);
    expect((await client.control('DELETE', '/__sandbox/faults')).body).toEqual({ deleted: 2 });
  });

  it('reports channel relations and unlinks users', async () => {
    const user = await mint();
    await client.control('POST', `/__sandbox/users/${user.user_id}/channels`, {
      channel_public_id: '_Brand',
      relation: 'ADDED',
    });
    const relation = await client.kakao('GET', '/v2/api/talk/channels', admin, {
      target_id_type: 'user_id',
      target_id: String(user.user_id),
      channel_ids: '_Brand',
      channel_id_type: 'channel_public_id',
    });
    expect(relation.body).toMatchObject({
      user_id: user.user_id,
      channels: [{ channel_public_id: '_Brand', relation: 'ADDED' }],
    });
    const missing = await client.kakao('GET', '/v2/api/talk/channels', bearer(user), {
      channel_ids: '_Nope',
    });
    expect(missing.body.code).toBe(-541);
    const info = await client.kakao('GET', '/v1/user/access_token_info', bearer(user));
    expect(info.body).toMatchObject({ id: user.user_id, app_id: app.app_id });
    expect((await client.kakao('POST', '/v1/user/unlink', bearer(user))).body).toEqual({
      id: user.user_id,
    });
    expect((await client.kakao('GET', '/v2/user/me', bearer(user))).body.code).toBe(-401);
    const byAdmin = await client.kakao('GET', '/v2/user/me', admin, {
      target_id_type: 'user_id',
      target_id: String(user.user_id),
    });
    expect(byAdmin.body.code).toBe(-101);
  });

  it('lets a guest change only personal settings', async () => {
    const host = await mint();
    const guest = await mint();
    const created = await client.kakao('POST', '/v2/api/calendar/create/event', bearer(host), {
      event: { title: 'Lunch', time: { start_at: HOUR, end_at: '2030-05-06T02:00:00Z' } },
    });
    const eventId = created.body.event_id as string;
    await client.control('POST', `/__sandbox/events/${eventId}/guests`, { user_id: guest.user_id });
    const edit = await client.kakao('POST', '/v2/api/calendar/update/event/guest', bearer(guest), {
      event_id: eventId,
      event: { color: 'RED', memo: 'bring cards' },
    });
    expect(edit.body).toEqual({ event_id: eventId });
    const other = await client.kakao('POST', '/v2/api/calendar/update/event/guest', bearer(guest), {
      event_id: eventId,
      event: { title: 'x' },
    });
    expect(other.body.code).toBe(-2);
    const asHost = await client.kakao('POST', '/v2/api/calendar/update/event/host', bearer(guest), {
      event_id: eventId,
      event: { title: 'x' },
    });
    expect(asHost.body.code).toBe(-6);
    const detail = await client.kakao('GET', '/v2/api/calendar/event', bearer(guest), {
      event_id: eventId,
    });
    expect(detail.body.event).toMatchObject({ is_host: false, color: 'RED', memo: 'bring cards' });
  });

  it('applies per-user daily limits to send-to-me as whole-call errors and -501 to non-Talk users', async () => {
    const limited = (
      await client.control('POST', '/__sandbox/apps', {
        channels: [{}],
        subscribe_calendars: [{ name: 'c' }],
        quotas: { pair_daily: 1, talk_calendar_daily: 1 },
      })
    ).body as unknown as AppInfo;
    const user = (await client.control('POST', `/__sandbox/apps/${limited.app_id}/users`, {}))
      .body as unknown as MintedUser;
    const template = {
      object_type: 'calendar',
      id_type: 'calendar',
      id: limited.subscribe_calendars[0].id,
      content: { title: 'c', link: { web_url: 'https://example.com' } },
    };
    const send = () =>
      client.kakao('POST', '/v2/api/talk/memo/default/send', bearer(user), {
        template_object: template,
      });
    expect((await send()).body).toEqual({ result_code: 0 });
    expect(await send()).toMatchObject({ status: 400, body: { code: -536 } });
    expect((await client.kakao('GET', '/v2/api/calendar/calendars', bearer(user))).status).toBe(
      200,
    );
    expect((await client.kakao('GET', '/v2/api/calendar/calendars', bearer(user))).body).toEqual({
      code: -10,
      msg: 'API limit has been exceeded.',
    });
    const noTalk = (
      await client.control('POST', `/__sandbox/apps/${limited.app_id}/users`, { talk_user: false })
    ).body as unknown as MintedUser;
    expect(
      await client.kakao('POST', '/v2/api/talk/memo/default/send', bearer(noTalk), {
        template_object: template,
      }),
    ).toMatchObject({ status: 400, body: { code: -501 } });
    const wrongTarget = await client.kakao('POST', '/v2/api/talk/memo/default/send', bearer(user), {
      template_object: { ...template, id: 'sub_unknown' },
    });
    expect(wrongTarget.body.code).toBe(-2);
  });

  it('redirects with access_denied when the user declines and checks client credentials', async () => {
    const decline = await fetch(`${sandbox.url}/oauth/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: app.rest_api_key,
        redirect_uri: 'http://127.0.0.1:9/cb',
        response_type: 'code',
        state: 'xyz',
        action: 'deny',
      }).toString(),
    });
    const location = new URL(decline.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
    // The secret is checked only when the app requires one (KOE322 here is the refresh token's).
    const ignoredSecret = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'refresh_token',
      client_id: app.rest_api_key,
      client_secret: 'wrong',
      refresh_token: 'x',
    });
    expect(ignoredSecret).toMatchObject({ body: { error_code: 'KOE322' } });
    const badRefresh = await client.kakao('POST', '/oauth/token', undefined, {
      grant_type: 'refresh_token',
      client_id: app.rest_api_key,
      client_secret: app.client_secret,
      refresh_token: 'x',
    });
    expect(badRefresh).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_code: 'KOE322' },
    });
  });

  it('creates many users quickly', async () => {
    const started = Date.now();
    const bulk = await client.control('POST', `/__sandbox/apps/${app.app_id}/users/bulk`, {
      count: 20000,
    });
    expect((bulk.body.users as unknown[]).length).toBe(20000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
