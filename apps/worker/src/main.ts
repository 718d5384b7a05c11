import 'reflect-metadata';

import { getConfig } from '@app/config';

import { createWorkerApp } from './worker-app';

createWorkerApp(getConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
