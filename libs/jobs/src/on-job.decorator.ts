import { SetMetadata } from '@nestjs/common';

import { type JobName } from './job-names';

export const ON_JOB_METADATA = 'kcc:on-job';

/** Marks a provider method as the one handler of a job. The worker refuses to start otherwise. */
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(ON_JOB_METADATA, name);
