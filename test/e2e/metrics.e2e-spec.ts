import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Role } from '@app/accounts';
import { expectEventually, startTestStack, type TestStack } from '@app/testing';

import { WorkerHealthServer } from '@apps/worker';

import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  seedRecipients,
  startBlast,
} from './blasts/blast-fixtures';

jest.setTimeout(120_000);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (names, labels, values; comments skipped). */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const pair of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { types, samples };
}

/** The documented names: the first column of the table in docs/ops/metrics.md. */
function documentedMetrics(): { name: string; type: string; labels: string[] }[] {
  const doc = readFileSync(join(__dirname, '../../docs/ops/metrics.md'), 'utf8');
  return [...doc.matchAll(/^\| `(kcc_\w+)` +\| (\w+) +\| ([^|]*)\|/gm)].map((row) => ({
    name: row[1],
    type: row[2],
    labels: [...row[3].matchAll(/`(\w+)`/g)].map((label) => label[1]),
  }));
}

const sum = (samples: Sample[], name: string, labels: Record<string, string>): number =>
  samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((total, sample) => total + sample.value, 0);

describe('metrics (API and worker)', () => {
  let stack: TestStack;
  let workerMetricsUrl: string;

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    workerMetricsUrl = `http://127.0.0.1:${stack.worker!.get(WorkerHealthServer).port()}/metrics`;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function scrapeApi(): Promise<string> {
    const response = await fetch(`${stack.apiUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${await stack.tokenFor(Role.Admin)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  async function scrapeWorker(): Promise<string> {
    const response = await fetch(workerMetricsUrl);
    expect(response.status).toBe(200);
    return response.text();
  }

  it('keeps the API metrics to operators', async () => {
    expect((await fetch(`${stack.apiUrl}/api/metrics`)).status).toBe(401);
    const manager = await stack.call(Role.Manager, 'GET', '/api/metrics');
    expect(manager.status).toBe(403);
  });

  it('exports the documented names during a blast, with delivery counts matching the ledger', async () => {
    const users = await seedRecipients(stack, 40);
    const audienceId = await everyoneAudience(stack);
    const campaignId = await publishedCampaign(stack);
    const runId = await startBlast(stack, blastBody(campaignId, audienceId, { ratePerSecond: 20 }));
    // While it runs: both endpoints answer with every documented name.
    const during = await Promise.all([scrapeApi(), scrapeWorker()]);
    await expectEventually(
      async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const progress = await progressOf(stack, runId);
    expect(progress.counts.sent).toBe(users.length);

    const documented = documentedMetrics();
    expect(documented.length).toBeGreaterThanOrEqual(12);
    for (const text of [...during, await scrapeApi(), await scrapeWorker()]) {
      const { types } = parseExposition(text);
      for (const metric of documented) {
        expect({ name: metric.name, type: types.get(metric.name) }).toEqual({
          name: metric.name,
          type: metric.type,
        });
      }
    }

    const worker = parseExposition(await scrapeWorker()).samples;
    const channel = stack.channel.id;
    expect(sum(worker, 'kcc_blast_deliveries_total', { outcome: 'sent', channel })).toBe(
      progress.counts.sent,
    );
    expect(sum(worker, 'kcc_blast_deliveries_total', { outcome: 'failed', channel })).toBe(
      progress.counts.failed,
    );
    expect(
      sum(worker, 'kcc_kakao_call_duration_seconds_count', {
        endpoint: '/v2/api/talk/memo/default/send',
        code: 'ok',
      }),
    ).toBeGreaterThanOrEqual(progress.counts.sent);
    expect(sum(worker, 'kcc_blast_limiter_wait_seconds_count', {})).toBeGreaterThan(0);
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(
        worker.some(
          (s) =>
            s.name === 'kcc_queue_jobs' && s.labels.queue === 'blasts' && s.labels.state === state,
        ),
      ).toBe(true);
    }
    expect(worker.some((s) => s.name === 'kcc_campaign_outbox_lag_seconds')).toBe(true);

    const api = parseExposition(await scrapeApi()).samples;
    expect(
      sum(api, 'kcc_http_request_duration_seconds_count', {
        route: '/api/blast-runs/:runId',
        method: 'GET',
        status: '200',
      }),
    ).toBeGreaterThan(0);

    // Labels are documented ones, and no label but `channel` carries an id.
    const labelsOf = new Map(documented.map((metric) => [metric.name, metric.labels]));
    for (const sample of [...api, ...worker]) {
      const base = sample.name.replace(/_(bucket|sum|count)$/, '');
      const allowed = labelsOf.get(base) ?? labelsOf.get(sample.name);
      if (allowed) {
        for (const label of Object.keys(sample.labels).filter((key) => key !== 'le')) {
          expect({ metric: base, label, allowed: allowed.includes(label) }).toEqual({
            metric: base,
            label,
            allowed: true,
          });
        }
      }
      for (const [label, value] of Object.entries(sample.labels)) {
        if (label !== 'channel') {
          expect({ metric: sample.name, label, value, id: UUID.test(value) }).toMatchObject({
            id: false,
          });
        }
      }
    }
  });
});
