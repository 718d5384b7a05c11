import { startSandbox, type RunningSandbox } from '@app/kakao-sandbox/start-sandbox';
import { SandboxTestClient } from '@app/kakao-sandbox/testing/sandbox-client';

describe('sandbox HTTP error shapes', () => {
  let sandbox: RunningSandbox;
  let client: SandboxTestClient;
  let adminKey: string;
  let restApiKey: string;
  let token: string;
  let eventId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, silent: true });
    client = new SandboxTestClient(sandbox.url);
    const app = await client.control('POST', '/__sandbox/apps', {
      name: 'errors',
      channels: [{ name: 'Brand' }],
      quotas: { talk_message_daily: 2 },
    });
    adminKey = app.body.admin_key as string;
    restApiKey = app.body.rest_api_key as string;
    const user = await client.control('POST', `/__sandbox/apps/${String(app.body.app_id)}/users`, {
      nickname: 'alice',
    });
    token = user.body.access_token as string;
    const event = await client.kakao(
      'POST',
      '/v2/api/calendar/public/create/event',
      `KakaoAK ${adminKey}`,
      {
        event: {
          title: 'Launch',
          time: { start_at: '2030-05-01T01:00:00Z', end_at: '2030-05-01T02:00:00Z' },
        },
      },
    );
    eventId = event.body.event_id as string;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('starts on a free port and reports health', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.port).toBeGreaterThan(0);
    expect(await client.control('GET', '/__sandbox/health')).toMatchObject({
      status: 200,
      body: { ok: true },
    });
  });

  it('answers unknown paths in the Kakao error shape', async () => {
    const response = await client.raw('GET', '/v2/api/calendar/nope?x=1');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ msg: 'not found: /v2/api/calendar/nope', code: -2 });
  });

  it('answers -2 for a broken form body', async () => {
    const response = await client.raw('POST', '/v2/api/talk/memo/default/send', {
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'template_object=%E0%A4%A',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: -2 });
    expect(response.text).not.toContain('at ');
  });

  it('answers -2 for a broken JSON body', async () => {
    const response = await client.raw('POST', '/__sandbox/apps', {
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(response).toMatchObject({ status: 400, body: { code: -2 } });
  });

  it('answers -2 for broken JSON inside event=', async () => {
    const response = await client.kakao(
      'POST',
      '/v2/api/calendar/create/event',
      `Bearer ${token}`,
      {
        event: '{"title":"x",',
      },
    );
    expect(response).toMatchObject({
      status: 400,
      body: { code: -2, msg: 'event is not valid JSON' },
    });
  });

  it('answers -401 without credentials, with a bad scheme and with an unknown token', async () => {
    const missing = await client.kakao('GET', '/v2/api/calendar/calendars', undefined);
    const scheme = await client.kakao('GET', '/v2/api/calendar/calendars', `Basic ${token}`);
    const unknown = await client.kakao('GET', '/v2/api/calendar/calendars', 'Bearer nope');
    for (const response of [missing, scheme, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(-401);
    }
    expect(unknown.body.msg).toBe('this access token does not exist');
  });

  it('answers -401 for a REST API key where the admin key is needed', async () => {
    const response = await client.kakao(
      'GET',
      '/v2/api/calendar/holidays',
      `KakaoAK ${restApiKey}`,
      {
        from: '2025-01-01T00:00:00Z',
        to: '2025-02-01T00:00:00Z',
      },
    );
    expect(response).toMatchObject({ status: 401, body: { code: -401 } });
  });

  it('answers -401 for an expired token', async () => {
    await client.control('POST', `/__sandbox/tokens/${token}/expire`);
    const response = await client.kakao('GET', '/v2/api/calendar/calendars', `Bearer ${token}`);
    expect(response.body).toEqual({ msg: 'this access token is already expired', code: -401 });
    const apps = await client.control('GET', '/__sandbox/apps');
    const appId = (apps.body.apps as { app_id: number; name: string }[]).find(
      (a) => a.name === 'errors',
    )?.app_id;
    const fresh = await client.control('POST', `/__sandbox/apps/${String(appId)}/users`, {});
    token = fresh.body.access_token as string;
  });

  it('answers -10 once the daily message quota is used up', async () => {
    const template = {
      object_type: 'calendar',
      id_type: 'event',
      id: eventId,
      content: { title: 'Launch', link: { web_url: 'https://example.com' } },
    };
    const send = () =>
      client.kakao('POST', '/v2/api/talk/memo/default/send', `Bearer ${token}`, {
        template_object: template,
      });
    expect((await send()).body).toEqual({ result_code: 0 });
    expect((await send()).body).toEqual({ result_code: 0 });
    const over = await send();
    expect(over).toMatchObject({
      status: 400,
      body: { code: -10, msg: 'API limit has been exceeded.' },
    });
  });

  it('answers -402 with the missing consent item', async () => {
    const apps = await client.control('GET', '/__sandbox/apps');
    const appId = (apps.body.apps as { app_id: number; name: string }[]).find(
      (a) => a.name === 'errors',
    )?.app_id;
    const user = await client.control('POST', `/__sandbox/apps/${String(appId)}/users`, {
      scopes: ['talk_message'],
    });
    const response = await client.kakao(
      'GET',
      '/v2/api/calendar/calendars',
      `Bearer ${user.body.access_token as string}`,
    );
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      msg: 'insufficient scopes.',
      code: -402,
      api_type: 'TALK_CALENDAR',
      required_scopes: ['talk_calendar'],
      allowed_scopes: ['talk_message'],
    });
  });
});
