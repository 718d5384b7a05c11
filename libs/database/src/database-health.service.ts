import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DependencyHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Measures a round trip to Postgres; used by the health endpoints of every app. */
export async function timeCheck(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

@Injectable()
export class DatabaseHealthService {
  constructor(private readonly dataSource: DataSource) {}

  check(): Promise<DependencyHealth> {
    return timeCheck(() => this.dataSource.query('SELECT 1'));
  }
}
