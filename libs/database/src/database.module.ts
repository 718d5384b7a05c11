import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '@app/config';

import { AfterCommit } from './after-commit';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseHealthService } from './database-health.service';
import { TransactionRunner } from './transaction-runner';

/** The TypeORM root connection; domain modules add their entities with forFeature(). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions({ url: config.database.url }),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [AfterCommit, DatabaseHealthService, TransactionRunner],
  exports: [AfterCommit, DatabaseHealthService, TransactionRunner],
})
export class DatabaseModule {}
