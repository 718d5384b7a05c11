export { createWorkerApp } from './worker-app';
export { WorkerHealthServer } from './worker-health.server';
export { WorkerModule } from './worker.module';
