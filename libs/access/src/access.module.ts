import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { AccountsModule } from '@app/accounts';

import { AccessGuard } from './access.guard';
import { RouteAccessScanner } from './route-access.scanner';

/** The access guard (register it as APP_GUARD) and the route scanner that checks its coverage. */
@Module({
  imports: [AccountsModule, DiscoveryModule],
  providers: [AccessGuard, RouteAccessScanner],
  exports: [AccessGuard, RouteAccessScanner],
})
export class AccessModule {}
