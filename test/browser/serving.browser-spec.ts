import { type ConsoleStack, startConsoleStack } from './support/console-stack';

jest.setTimeout(60_000);

/** The API serves the built admin at `/` without taking anything away from `/api`. */
describe('the console served by the API', () => {
  let app: ConsoleStack;

  beforeAll(async () => {
    app = await startConsoleStack({ worker: false });
  });

  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => fetch(`${app.url}${path}`);

  it('answers / with the UI, revalidated on every load', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root"></div>');
  });

  it('serves hashed assets for good', async () => {
    const html = await (await get('/')).text();
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await get(script ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to the UI for other paths, but not for missing files', async () => {
    const page = await get('/campaigns/123/show');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await get('/assets/missing-chunk.js')).status).toBe(404);
  });

  it('keeps /api/* the API, with its JSON 404', async () => {
    for (const path of ['/api', '/api/does-not-exist', '/api/campaigns/x/y/z']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
    }
    expect((await get('/api/health')).status).toBe(200);
  });

  it('refuses a path that does not decode, as for the API (Fastify answers 400)', async () => {
    const response = await get('/campaigns/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });

  it('never serves files from outside the build', async () => {
    const response = await fetch(`${app.url}/assets/%2e%2e/%2e%2e/%2e%2e/package.json`);
    expect(await response.text()).not.toContain('"workspaces"');
  });
});
