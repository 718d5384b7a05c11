import { Module } from '@nestjs/common';

import { DemoAgingService } from './demo-aging.service';

/** The demo history's database side (moving its records back in time). */
@Module({ providers: [DemoAgingService], exports: [DemoAgingService] })
export class DemoModule {}
