// The parity switch itself, run against the sandbox as if it were the remote API: the sandbox
// sits behind a recording proxy, the suite is configured through the environment only, and no
// request may reach the control API once parity mode is on.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { request } from 'undici';

import { type RunningSandbox, startSandbox } from '@app/kakao-sandbox';

import {
  type ContractHarness,
  parityApp,
  SandboxControl,
  startContractHarness,
} from './contract-setup';
import { describeContract, parityTargetFromEnv, sandboxOnly } from './parity';
import { PARITY_CHECKS } from './parity-checks';

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

/** Forwards everything to `upstream` and remembers each request's method and path. */
async function recordingProxy(
  upstream: string,
): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      seen.push(`${incoming.method ?? 'GET'} ${(incoming.url ?? '/').split('?')[0]}`);
      const body = await readBody(incoming);
      // The Host the client used goes along, as behind any reverse proxy (the issuer depends on it).
      const headers = { ...incoming.headers };
      delete headers.connection;
      const answer = await request(`${upstream}${incoming.url ?? '/'}`, {
        method: (incoming.method ?? 'GET') as 'GET',
        headers,
        body: body.length > 0 ? body : undefined,
      });
      outgoing.statusCode = answer.statusCode;
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && name !== 'transfer-encoding' && name !== 'connection') {
          outgoing.setHeader(name, value);
        }
      }
      outgoing.end(Buffer.from(await answer.body.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly(
  'tests the switch itself against a local sandbox standing in for the remote API',
);

describeContract(
  'the parity switch (the sandbox standing in for the remote API)',
  PARITY_CLAIM,
  () => {
    let sandbox: RunningSandbox;
    let proxy: Awaited<ReturnType<typeof recordingProxy>>;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0, silent: true });
      const sandboxUrl = sandbox.url.replace(/\/+$/, '');
      // What a team with real keys does once in Kakao's console: an app, a test user, a channel.
      const control = new SandboxControl(sandboxUrl);
      const app = await control.createApp({ consent_items: ['profile_nickname', 'openid'] });
      const user = await control.createUser(app, { scopes: ['talk_calendar', 'profile_nickname'] });
      proxy = await recordingProxy(sandboxUrl);
      env = {
        KAKAO_PARITY: '1',
        KAKAO_PARITY_API_BASE_URL: proxy.url,
        KAKAO_PARITY_AUTH_BASE_URL: proxy.url,
        KAKAO_PARITY_REST_API_KEY: app.rest_api_key,
        KAKAO_PARITY_ADMIN_KEY: app.admin_key,
        KAKAO_PARITY_ACCESS_TOKEN: user.access_token,
        KAKAO_PARITY_CHANNEL_PUBLIC_ID: app.channels[0].channel_public_id,
      };
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      await sandbox.close();
    });

    it('stays off without KAKAO_PARITY and names every missing variable when on', () => {
      expect(parityTargetFromEnv({ ...env, KAKAO_PARITY: undefined })).toBeUndefined();
      expect(() =>
        parityTargetFromEnv({ KAKAO_PARITY: '1', KAKAO_PARITY_API_BASE_URL: 'x' }),
      ).toThrow(/KAKAO_PARITY_AUTH_BASE_URL.*KAKAO_PARITY_ACCESS_TOKEN/);
    });

    it('aims the harness at the configured API, runs every parity check, and never calls the control API', async () => {
      // Exactly what a test file does under KAKAO_PARITY=1: the target read from the environment.
      const harness: ContractHarness = await startContractHarness(parityTargetFromEnv(env));
      try {
        expect(harness.parity).toMatchObject({ apiBaseUrl: proxy.url, authBaseUrl: proxy.url });
        expect(harness.url).toBe(proxy.url);
        const target = harness.parity!;
        const client = harness.clientFor(parityApp(target));
        for (const check of PARITY_CHECKS) {
          await check.run(target, client);
        }
        await expect(harness.control.createApp()).rejects.toThrow(/not available in parity mode/);
      } finally {
        await harness.close();
      }
      expect(proxy.seen.length).toBeGreaterThan(PARITY_CHECKS.length);
      expect(proxy.seen.filter((line) => line.includes('/__sandbox'))).toEqual([]);
    });
  },
);
