import { type DependencyHealth } from '@app/database';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  service: string;
  uptimeSeconds: number;
  checks: Record<string, DependencyHealth>;
}

export function summarizeHealth(
  service: string,
  checks: Record<string, DependencyHealth>,
): HealthReport {
  return {
    status: Object.values(checks).every((check) => check.ok) ? 'ok' : 'unavailable',
    service,
    uptimeSeconds: Math.round(process.uptime()),
    checks,
  };
}
