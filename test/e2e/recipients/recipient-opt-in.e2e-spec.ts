import { Role } from '@app/accounts';
import { KakaoClient } from '@app/kakao-client';
import { RecipientsService } from '@app/recipients';
import { sandboxControl, startTestStack, type TestStack } from '@app/testing';

import {
  allRecipients,
  optInThroughKakao,
  recipientCount,
  sandboxUsers,
} from './recipient-fixtures';

jest.setTimeout(60_000);

describe('opt-in page: /join/:channel through Kakao Login', () => {
  let stack: TestStack;
  let kakao: KakaoClient;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    kakao = new KakaoClient({
      apiBaseUrl: stack.sandboxUrl,
      authBaseUrl: stack.sandboxUrl,
      retries: 0,
    });
  });

  afterAll(async () => {
    await kakao?.close();
    await stack?.close();
  });

  it('shows the page in Korean first, then English, with one button', async () => {
    const response = await fetch(`${stack.apiUrl}/join/${stack.channel.channelPublicId}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const korean = html.indexOf('카카오톡으로 이벤트 소식 받기');
    const english = html.indexOf('Get our events in Kakao Talk');
    expect(korean).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(korean);
    expect(html).toContain(`action="/join/${stack.channel.channelPublicId}/start"`);
  });

  it('sends the button to Kakao with the channel key, our callback, both scopes and a state', async () => {
    const start = await fetch(`${stack.apiUrl}/join/${stack.channel.channelPublicId}/start`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(start.status).toBe(303);
    const location = new URL(start.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${stack.sandboxUrl}/oauth/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: stack.sandboxApp.rest_api_key,
      redirect_uri: `http://127.0.0.1:3000/join/${stack.channel.channelPublicId}/callback`,
      response_type: 'code',
      scope: 'talk_message,talk_calendar',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/),
    });
    expect(start.headers.get('set-cookie')).toMatch(
      new RegExp(
        `^kcc_join=[A-Za-z0-9_-]{22}; Path=/join/${stack.channel.channelPublicId}; Max-Age=600; HttpOnly; SameSite=Lax$`,
      ),
    );
  });

  it('stores the person who agrees, with sealed working tokens, and thanks them', async () => {
    const [person] = await sandboxUsers(stack, 1, { nicknamePrefix: 'minji' });
    await sandboxControl(stack.sandboxUrl, 'POST', `users/${person.user_id}/channels`, {
      channel_public_id: stack.channel.channelPublicId,
      relation: 'ADDED',
    });

    const result = await optInThroughKakao(stack, { userId: person.user_id });
    expect(result.status).toBe(200);
    expect(result.html).toContain('감사합니다');
    expect(result.html).toContain('Thank you');

    const [stored] = (await allRecipients(stack)).filter(
      (recipient) => recipient.kakaoUserId === String(person.user_id),
    );
    expect(stored).toMatchObject({
      kakaoUserId: String(person.user_id),
      nickname: expect.stringContaining('minji'),
      scopes: expect.arrayContaining(['talk_message', 'talk_calendar']),
      hasAccessToken: true,
      hasRefreshToken: true,
      consentState: 'active',
      channelRelation: 'ADDED',
      source: 'opt_in',
    });
    expect(JSON.stringify(stored)).not.toMatch(/accessToken"|refreshToken"/);

    // The stored token is the one Kakao issued: it works for this very user.
    const [credential] = await stack.api
      .get(RecipientsService)
      .sendingCredentials(stack.channel.id, [stored.id]);
    expect(credential).not.toHaveProperty('skip');
    const me = await kakao.users.getMe((credential as { accessToken: string }).accessToken);
    expect(me.id).toBe(person.user_id);

    const audit = await stack.call<{ action: string; entityId: string }[]>(
      Role.Admin,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'recipient.opt_in' }))}`,
    );
    expect(audit.body.map((entry) => entry.entityId)).toContain(stored.id);
  });

  it('refuses a replayed callback (the state is single use) and stores nothing twice', async () => {
    const result = await optInThroughKakao(stack, { nickname: 'replayer' });
    expect(result.status).toBe(200);
    const before = await recipientCount(stack);

    const replay = await fetch(result.callbackUrl, { headers: { cookie: result.cookie } });
    const html = await replay.text();
    expect(replay.status).toBe(400);
    expect(html).toContain('data-failure="invalid_state"');
    expect(html).toContain('이미 사용된');
    expect(await recipientCount(stack)).toBe(before);
  });

  it('refuses forged, foreign-browser and missing states with a page, never a trace', async () => {
    const result = await optInThroughKakao(stack, { nickname: 'forger' });
    const url = new URL(result.callbackUrl);
    const state = url.searchParams.get('state')!;

    const forgedUrl = new URL(url);
    forgedUrl.searchParams.set('state', `${state.slice(0, -4)}AAAA`);
    const forged = await fetch(forgedUrl, { headers: { cookie: result.cookie } });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('data-failure="invalid_state"');

    // A fresh, valid state, but the callback comes from a browser that did not start it.
    const start = await fetch(`${stack.apiUrl}/join/${stack.channel.channelPublicId}/start`, {
      method: 'POST',
      redirect: 'manual',
    });
    const freshState = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const elsewhere = await fetch(
      `${stack.apiUrl}/join/${stack.channel.channelPublicId}/callback?code=x&state=${encodeURIComponent(freshState)}`,
    );
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('data-failure="browser_mismatch"');

    const missing = await fetch(
      `${stack.apiUrl}/join/${stack.channel.channelPublicId}/callback?code=x`,
    );
    const missingHtml = await missing.text();
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missingHtml).toContain('data-failure="invalid_state"');
    expect(missingHtml).not.toMatch(/at \w+ \(|Error:|stack/);
  });

  it('stores nothing when the person declines', async () => {
    const before = await recipientCount(stack);
    const result = await optInThroughKakao(stack, { nickname: 'decliner', decline: true });
    expect(result.status).toBe(200);
    expect(result.html).toContain('data-failure="declined"');
    expect(result.html).toContain('동의하지 않으셔서');
    expect(result.html).toContain('Nothing was stored');
    expect(await recipientCount(stack)).toBe(before);
  });

  it('shows Kakao refusing the code (KOE320) as a page', async () => {
    const start = await fetch(`${stack.apiUrl}/join/${stack.channel.channelPublicId}/start`, {
      method: 'POST',
      redirect: 'manual',
    });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const response = await fetch(
      `${stack.apiUrl}/join/${stack.channel.channelPublicId}/callback?code=not-a-code&state=${encodeURIComponent(state)}`,
      { headers: { cookie } },
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('data-failure="kakao_rejected"');
    expect(html).toContain('KOE320');
  });

  it('answers an unknown channel with a 404 page', async () => {
    const response = await fetch(`${stack.apiUrl}/join/_nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('data-failure="channel_not_found"');
  });
});
