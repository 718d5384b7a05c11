import { Module } from '@nestjs/common';

import { TrackingLinksService } from './tracking-links.service';

/** Signed per-recipient tracking links; no domain dependencies, so senders and reach share it. */
@Module({
  providers: [TrackingLinksService],
  exports: [TrackingLinksService],
})
export class TrackingModule {}
