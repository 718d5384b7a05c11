export { BATCH_SIZE } from './blast-fan-out.service';
export { BlastListFilter } from './blast-list.filter';
export { BlastRunScheduler } from './blast-run-scheduler.service';
export { classifySendError } from './blast-sender.service';
export type {
  DeliveryCounts,
  RecipientDeliveryQuery,
  RecipientDeliveryRow,
  TrackedDelivery,
} from './blast-ledger.repository';
export { calendarTemplate } from './blast-template';
export { messageErrors, scheduleErrors } from './blast-validation';
export { CreateBlastDto, EstimateBlastDto, ResendDto, TestSendDto } from './blast.dto';
export type { BlastDeliveryEntity } from './blast-delivery.entity';
export type { BlastRunEntity } from './blast-run.entity';
export type { BlastEntity, BlastMessage, BlastSchedule } from './blast.entity';
export { BlastState, DeliveryMode, DeliveryState, PauseReason, RunState } from './blast.enums';
export { BlastErrorCode, BlastException } from './blast.exception';
export { BLAST_ENTITIES, BlastsModule } from './blasts.module';
export {
  RECIPIENT_DELIVERY_LIST_RULES,
  RecipientDeliveryListFilter,
  RUN_DELIVERY_LIST_RULES,
  RunDeliveryListFilter,
} from './delivery-list.filter';
export { BlastRunTransitions } from './blast-run-transitions';
export { BlastsService, DAILY_MESSAGE_QUOTA } from './blasts.service';
export type { BlastActor, BlastEstimate, RunProgress } from './blasts.service';
export { isQuiet, nextSeoulMidnight, quietEndsAt } from './quiet-hours';
export { RedisRateLimiter } from './rate-limiter';
