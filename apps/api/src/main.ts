import 'reflect-metadata';

import { Logger } from '@nestjs/common';

import { getConfig } from '@app/config';

import { createApiApp, listen } from './api-app';

async function bootstrap(): Promise<void> {
  const config = getConfig();
  const app = await createApiApp(config);
  const url = await listen(app, config);
  Logger.log(`API listening on ${url}/api (health: ${url}/api/health)`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
