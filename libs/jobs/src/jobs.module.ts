import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { JobRunnerService } from './job-runner.service';
import { JobsService } from './jobs.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobsService, JobRunnerService],
  exports: [JobsService, JobRunnerService],
})
export class JobsModule {}
