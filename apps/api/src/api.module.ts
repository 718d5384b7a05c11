import { Module } from '@nestjs/common';

import { SecretsModule } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RedisModule } from '@app/jobs';

import { HealthController } from './health/health.controller';

@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, SecretsModule],
  controllers: [HealthController],
})
export class ApiModule {}
