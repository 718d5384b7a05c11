import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric the console exports, in one registry per process. Names and labels are listed in
 * docs/ops/metrics.md; labels hold only bounded values (route templates, states, codes), never
 * ids — except `channel` on blast deliveries, bounded by the channels an instance serves.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'kcc_' });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'kcc_http_request_duration_seconds',
  help: 'HTTP requests served by the API, by route template, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const blastDeliveries = new Counter({
  name: 'kcc_blast_deliveries_total',
  help: 'Blast ledger rows settled, by outcome (sent, failed, skipped, unknown) and channel id',
  labelNames: ['outcome', 'channel'] as const,
  registers,
});

export const kakaoCallDuration = new Histogram({
  name: 'kcc_kakao_call_duration_seconds',
  help: 'Calls (attempts) to the Kakao API, by endpoint path and result code',
  labelNames: ['endpoint', 'code'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const limiterWaitSeconds = new Histogram({
  name: 'kcc_blast_limiter_wait_seconds',
  help: 'Time blast sends waited for the global rate limiter',
  buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  registers,
});

export const webhookAttempts = new Counter({
  name: 'kcc_webhook_attempts_total',
  help: 'Webhook delivery attempts, by result (delivered, retry, failed)',
  labelNames: ['result'] as const,
  registers,
});

export const webhookDeliveries = new Counter({
  name: 'kcc_webhook_deliveries_total',
  help: 'Webhook deliveries settled, by result (delivered, failed)',
  labelNames: ['result'] as const,
  registers,
});

/** Job counts of one queue, by BullMQ state. */
export type QueueCounts = Record<'waiting' | 'active' | 'delayed' | 'failed', number>;

/** Where the sampled gauges read from; each app process registers its own at start. */
export interface GaugeSources {
  queueCounts?: () => Promise<Record<string, QueueCounts>>;
  outboxLagSeconds?: () => Promise<number>;
}

const sources = new Set<GaugeSources>();

/** Registers what the sampled gauges read; the answer unregisters it (on shutdown). */
export function registerGaugeSources(source: GaugeSources): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

function latest<K extends keyof GaugeSources>(key: K): GaugeSources[K] | undefined {
  let found: GaugeSources[K] | undefined;
  for (const source of sources) {
    found = source[key] ?? found;
  }
  return found;
}

export const queueJobs = new Gauge({
  name: 'kcc_queue_jobs',
  help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed), sampled at scrape',
  labelNames: ['queue', 'state'] as const,
  registers,
  async collect() {
    const read = latest('queueCounts');
    if (!read) {
      return;
    }
    this.reset();
    try {
      for (const [queue, counts] of Object.entries(await read())) {
        for (const [state, count] of Object.entries(counts)) {
          this.set({ queue, state }, count);
        }
      }
    } catch {
      // Redis away: the gauge is left empty rather than failing the whole scrape.
    }
  },
});

export const campaignOutboxLag = new Gauge({
  name: 'kcc_campaign_outbox_lag_seconds',
  help: 'Age of the oldest pending campaign outbox row (0 when none), sampled at scrape',
  registers,
  async collect() {
    const read = latest('outboxLagSeconds');
    if (!read) {
      return;
    }
    try {
      this.set(await read());
    } catch {
      this.reset();
    }
  },
});

/** The names this process exports (docs and the dashboard test check against this list). */
export async function exportedMetricNames(): Promise<string[]> {
  return (await metricsRegistry.getMetricsAsJSON()).map((metric) => metric.name);
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
