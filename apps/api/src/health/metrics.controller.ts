import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { RequireOperator } from '@app/access';
import { METRICS_CONTENT_TYPE, metricsRegistry } from '@app/observability';

/**
 * Prometheus metrics of this API process. Operators only: the series name channels and show
 * traffic of every channel. The worker's health port serves the same names without a session.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @RequireOperator()
  @Header('content-type', METRICS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
