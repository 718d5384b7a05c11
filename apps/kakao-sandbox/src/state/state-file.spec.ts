import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '@app/kakao-sandbox/start-sandbox';
import { SandboxTestClient } from '@app/kakao-sandbox/testing/sandbox-client';

describe('state file', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'kakao-sandbox-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('saves on close and restores apps, users, events, messages and the clock on start', async () => {
    const stateFile = join(directory, 'state.json');
    const first = await startSandbox({ port: 0, silent: true, stateFile });
    const client = new SandboxTestClient(first.url);
    const app = await client.control('POST', '/__sandbox/apps', { channels: [{ name: 'Brand' }] });
    const user = await client.control(
      'POST',
      `/__sandbox/apps/${String(app.body.app_id)}/users`,
      {},
    );
    const token = `Bearer ${user.body.access_token as string}`;
    const admin = `KakaoAK ${app.body.admin_key as string}`;
    const event = await client.kakao('POST', '/v2/api/calendar/public/create/event', admin, {
      event: {
        title: 'Kept',
        time: { start_at: '2030-01-01T01:00:00Z', end_at: '2030-01-01T02:00:00Z' },
      },
    });
    await client.kakao('POST', '/v2/api/talk/memo/default/send', token, {
      template_object: {
        object_type: 'calendar',
        id_type: 'event',
        id: event.body.event_id,
        content: { title: 'Kept', link: { web_url: 'https://example.com' } },
      },
    });
    await client.control('POST', '/__sandbox/clock', { advance_ms: 60_000 });
    await first.close();
    expect(readFileSync(stateFile, 'utf8')).toContain('"version":1');

    const second = await startSandbox({ port: 0, silent: true, stateFile });
    try {
      const again = new SandboxTestClient(second.url);
      const detail = await again.kakao('GET', '/v2/api/calendar/public/event', admin, {
        event_id: event.body.event_id,
      });
      expect(detail.body.event).toMatchObject({ title: 'Kept' });
      const inbox = await again.control(
        'GET',
        `/__sandbox/users/${String(user.body.user_id)}/messages`,
      );
      expect(inbox.body).toMatchObject({
        total: 1,
        messages: [{ message_id: 'msg_1', object_type: 'calendar' }],
      });
      expect(
        (await again.control('GET', '/__sandbox/clock')).body.offset_ms,
      ).toBeGreaterThanOrEqual(60_000);
      expect((await again.kakao('GET', '/v2/api/calendar/calendars', token)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
