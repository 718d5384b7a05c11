import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type Browser } from 'playwright-core';

import { expectEventually } from '@app/testing';
import { verifyWebhookSignature } from '@app/webhooks';

import { WebhooksPage } from './pages/webhooks.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('webhooks in the console', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** Paths whose first call failed already (the flaky endpoint answers 500 once). */
  const failedOnce = new Set<string>();

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const url = request.url ?? '';
        if (url.startsWith('/flaky') && !failedOnce.has(url)) {
          failedOnce.add(url);
          response.writeHead(500, { 'content-type': 'text/plain' }).end('not yet');
          return;
        }
        received.push({ headers: request.headers, body });
        response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kakao-hooks`;
    [app, browser] = await Promise.all([
      // The receiver listens on this machine, which webhooks may only reach when admitted.
      // Retries come after about a second, so a screen can be watched following one.
      startConsoleStack({
        env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '1000' },
      }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('an admin registers an endpoint, keeps the secret shown once, and sees a signed test ping arrive', async () => {
    const session = await signInAs(browser, app, Role.Admin);
    try {
      const webhooks = new WebhooksPage(session.page, session.shell);
      const secret = await webhooks.create(
        receiverUrl,
        ['blast.finished', 'campaign.published'],
        'CRM sync',
      );
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

      await webhooks.sendTestPing();
      await expectEventually(() => expect(received).toHaveLength(1), { timeoutMs: 20_000 });
      const [ping] = received;
      expect(ping?.headers['x-kcc-event']).toBe('ping');
      // The secret the screen showed is the one that signs.
      expect(
        verifyWebhookSignature({
          secret,
          signatureHeader: String(ping?.headers['x-kcc-signature']),
          timestamp: String(ping?.headers['x-kcc-timestamp']),
          body: ping?.body ?? '',
        }),
      ).toBe(true);

      await expectEventually(
        async () => expect((await webhooks.deliveryRowTexts()).join(' ')).toContain('200'),
        { timeoutMs: 20_000, intervalMs: 500 },
      );
      const attempts = await webhooks.newestAttemptsText();
      expect(attempts).toContain('200');
      expect(attempts).toContain('thanks');
    } finally {
      await session.close();
    }
  });

  it('shows a retried delivery turn from retrying to delivered without a reload', async () => {
    const session = await signInAs(browser, app, Role.Admin);
    try {
      const webhooks = new WebhooksPage(session.page, session.shell);
      const flakyUrl = receiverUrl.replace('/kakao-hooks', '/flaky');
      await webhooks.create(flakyUrl, ['blast.finished'], 'Flaky receiver');
      await webhooks.sendTestPing();
      const row = session.page.locator(webhooks.elements.deliveryRows).first();
      await row.locator('text=재시도 중').waitFor({ timeout: 20_000 });
      // No reload from here on: the screen follows the worker's retry by itself.
      await row.locator('text=전달됨').waitFor({ timeout: 30_000 });
      expect(await row.textContent()).toContain('200');
    } finally {
      await session.close();
    }
  });

  it('is not in the menu of those who may not manage webhooks', async () => {
    const session = await signInAs(browser, app, Role.Manager);
    try {
      expect(await session.shell.menuTargets()).not.toContain('webhooks');
    } finally {
      await session.close();
    }
  });
});
