import { type KakaoClient, type TextTemplate } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  kakaoError,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

const SEND_TO_ME = '/v2/api/talk/memo/default/send';
const template: TextTemplate = {
  object_type: 'text',
  text: 'Hi',
  link: { web_url: 'https://example.com' },
};

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('injects faults through the control API');

describeContract('retries over sandbox faults (9.4)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let user: SandboxUser;

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
    user = await harness.control.createUser(app);
  });
  afterAll(() => harness.close());
  afterEach(() => harness.control.clearFaults());

  it('succeeds through two injected HTTP 500s', async () => {
    await harness.control.addFault({
      path: SEND_TO_ME,
      probability: 1,
      status: 500,
      remaining: 2,
    });
    await expect(client.messages.sendToMe(user.access_token, template)).resolves.toEqual({
      result_code: 0,
    });
    expect(await harness.control.messagesOf(user)).toHaveLength(1);
  });

  it('fails on the first injected HTTP 500 without retries', async () => {
    await harness.control.addFault({
      path: SEND_TO_ME,
      probability: 1,
      status: 500,
      remaining: 2,
    });
    const error = await kakaoError(
      client.messages.sendToMe(user.access_token, template, { retries: 0 }),
    );
    expect(error).toMatchObject({ status: 500, retryable: true });
  });

  it.each([
    ['-1', { code: -1 }],
    ['-7', { code: -7 }],
    ['-603', { code: -603 }],
    ['-9798 (503)', { code: -9798 }],
  ])('retries %s', async (_name, fault) => {
    await harness.control.addFault({ path: SEND_TO_ME, probability: 1, remaining: 2, ...fault });
    await expect(client.messages.sendToMe(user.access_token, template)).resolves.toEqual({
      result_code: 0,
    });
  });

  it('retries a dropped connection', async () => {
    await harness.control.addFault({
      path: SEND_TO_ME,
      probability: 1,
      drop: true,
      remaining: 1,
    });
    await expect(client.messages.sendToMe(user.access_token, template)).resolves.toEqual({
      result_code: 0,
    });
  });

  it('retries after a per-call timeout', async () => {
    await harness.control.addFault({
      path: SEND_TO_ME,
      probability: 1,
      delay_ms: 1_000,
      remaining: 1,
    });
    await expect(
      client.messages.sendToMe(user.access_token, template, { timeoutMs: 200 }),
    ).resolves.toEqual({ result_code: 0 });
  });

  it.each([
    ['-2', -2, 400],
    ['-10', -10, 400],
    ['-5', -5, 403],
  ])('does not retry %s', async (_name, code, status) => {
    await harness.control.addFault({ path: SEND_TO_ME, probability: 1, code, remaining: 1 });
    await expectCode(client.messages.sendToMe(user.access_token, template), code, status);
    // The fault fired once; the next call goes through, so the client made exactly one attempt.
    await expect(client.messages.sendToMe(user.access_token, template)).resolves.toEqual({
      result_code: 0,
    });
  });

  it('gives up after the configured retries', async () => {
    await harness.control.addFault({
      path: SEND_TO_ME,
      probability: 1,
      status: 503,
      remaining: 10,
    });
    const started = Date.now();
    const error = await kakaoError(
      client.messages.sendToMe(user.access_token, template, { retries: 2 }),
    );
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    const faults = await harness.control.json<unknown>('GET', '/__sandbox/faults');
    expect(JSON.stringify(faults)).toContain('"remaining":7');
  });
});
