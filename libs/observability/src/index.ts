export { echoRequestId, recordHttpMetrics } from './http-metrics';
export {
  blastDeliveries,
  campaignOutboxLag,
  exportedMetricNames,
  httpRequestDuration,
  kakaoCallDuration,
  limiterWaitSeconds,
  METRICS_CONTENT_TYPE,
  metricsRegistry,
  queueJobs,
  registerGaugeSources,
  webhookAttempts,
  webhookDeliveries,
} from './metrics';
export type { GaugeSources, QueueCounts } from './metrics';
export {
  currentLogContext,
  currentRequestId,
  requestIdFrom,
  runWithLogContext,
} from './log-context';
export type { LogContext } from './log-context';
export {
  loggerModule,
  loggerParams,
  pinoOptions,
  REDACTED_PATHS,
  scrubSecrets,
  useLogDestination,
  wantsPrettyLogs,
} from './logging';
export type { LoggerSetup } from './logging';
export { enterLogContextPerRequest } from './log-context.hook';
