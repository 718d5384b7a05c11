import { Module } from '@nestjs/common';

import { SecretsModule } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RedisModule } from '@app/jobs';

import { WorkerHealthServer } from './worker-health.server';

/** The job runner process: no public HTTP, only a small health port. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, SecretsModule],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
