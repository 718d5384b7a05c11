import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { exportedMetricNames, metricsRegistry } from './metrics';

const DASHBOARD = join(__dirname, '../../../docs/ops/grafana-dashboard.json');

/** Every string under `expr` or `query`/`definition` (panel targets and variables). */
function queriesOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((item) => queriesOf(item, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['expr', 'query', 'definition'].includes(key)) {
        found.push(value);
      } else {
        queriesOf(value, found);
      }
    }
  }
  return found;
}

describe('the Grafana dashboard', () => {
  const dashboard: unknown = JSON.parse(readFileSync(DASHBOARD, 'utf8'));
  const referenced = [
    ...new Set(
      queriesOf(dashboard).flatMap((query) =>
        [...query.matchAll(/\bkcc_\w+/g)].map((match) => match[0]),
      ),
    ),
  ];

  it('queries metrics', () => {
    expect(referenced.length).toBeGreaterThan(10);
  });

  it('references only metrics the console exports', async () => {
    const exported = new Set(await exportedMetricNames());
    const unknown = referenced.filter(
      (name) => !exported.has(name) && !exported.has(name.replace(/_(bucket|sum|count)$/, '')),
    );
    expect(unknown).toEqual([]);
  });

  it('uses histogram series only of histograms', async () => {
    const histograms = new Set(
      (await metricsRegistry.getMetricsAsJSON())
        .filter((metric) => String(metric.type) === 'histogram')
        .map((metric) => metric.name),
    );
    for (const name of referenced.filter((n) => /_(bucket|sum|count)$/.test(n))) {
      expect({ name, histogram: histograms.has(name.replace(/_(bucket|sum|count)$/, '')) }).toEqual(
        { name, histogram: true },
      );
    }
  });
});
