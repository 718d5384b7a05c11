import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { JobRunnerService } from './job-runner.service';
import { JobsService } from './jobs.service';
import { QueueMetricsService } from './queue-metrics.service';
import { ReadinessService } from './readiness.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobsService, JobRunnerService, QueueMetricsService, ReadinessService],
  exports: [JobsService, JobRunnerService, ReadinessService],
})
export class JobsModule {}
