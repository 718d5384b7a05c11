export type { CampaignActor } from './campaign-actor';
export type {
  CampaignBanner,
  CampaignContent,
  CampaignLocation,
  CampaignReminderButton,
  CampaignSnapshot,
  CampaignTarget,
} from './campaign-content';
export { CampaignApprovalService } from './campaign-approval.service';
export type { CampaignApprovalEntity } from './campaign-approval.entity';
export { CampaignKakaoCopyService, contentFromKakao } from './campaign-kakao-copy.service';
export type { KakaoCopy, ReconcileResult } from './campaign-kakao-copy.service';
export { CampaignPublishingService, OUTBOX_JOB_ATTEMPTS } from './campaign-publishing.service';
export type { CampaignRevisionEntity } from './campaign-revision.entity';
export { CampaignSchedulerService } from './campaign-scheduler.service';
export type { FieldChange } from './campaign-snapshot';
export { LIMITS, snapshotErrors } from './campaign-validation';
export {
  ApprovalDecisionDto,
  CampaignContentDto,
  CreateCampaignDto,
  DuplicateCampaignDto,
  RestoreRevisionDto,
  UpdateCampaignDto,
} from './campaign.dto';
export type { CampaignEntity } from './campaign.entity';
export { ApprovalState, KakaoState, SyncState } from './campaign.enums';
export { CampaignErrorCode, CampaignException } from './campaign.exception';
export { CampaignListFilter } from './campaign-list.filter';
export { CAMPAIGN_SORTABLE } from './campaign.repository';
export { toCampaignResponse } from './campaign.response';
export type { CampaignResponse } from './campaign.response';
export { CAMPAIGN_ENTITIES, CampaignsModule } from './campaigns.module';
export { CampaignsService, copyName } from './campaigns.service';
export { diffWithKakao, toPublicEvent } from './kakao-event-mapping';
export { describeRrule, rruleProblem } from './recurrence-rule';
export type { SubscribeCalendarEntity } from './subscribe-calendar.entity';
export { HolidayQueryDto } from './holiday-query.dto';
export {
  SUBSCRIBE_CALENDAR_LIST_RULES,
  SubscribeCalendarListFilter,
} from './subscribe-calendar-list.filter';
export { SubscribeCalendarsService } from './subscribe-calendars.service';
export type { UnmanagedPublicEventEntity } from './unmanaged-public-event.entity';
