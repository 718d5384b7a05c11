import { type CampaignContent, type CampaignTarget } from './campaign-content';
import { type CampaignEntity } from './campaign.entity';
import { type ApprovalState, type KakaoState, type SyncState } from './campaign.enums';
import { describeRrule } from './recurrence-rule';

export interface CampaignResponse {
  id: string;
  channelId: string;
  name: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  tags: string[];
  notes: string | null;
  target: CampaignTarget;
  content: CampaignContent;
  recurrenceText: string | null;
  ownerId: string | null;
  revision: number;
  version: number;
  approvalState: ApprovalState;
  submittedRevision: number | null;
  approvedRevision: number | null;
  syncState: SyncState;
  kakaoState: KakaoState;
  kakaoEventId: string | null;
  publishedRevision: number | null;
  publishedAt: string | null;
  lastError: { code: string; message: string } | null;
  kakaoCheckedAt: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export function targetOf(campaign: CampaignEntity): CampaignTarget {
  return campaign.targetKind === 'subscribe_calendar' && campaign.targetCalendarId
    ? { kind: 'subscribe_calendar', calendarId: campaign.targetCalendarId }
    : { kind: 'public_events' };
}

function recurrenceText(rrule: string | undefined): string | null {
  if (!rrule) {
    return null;
  }
  try {
    return describeRrule(rrule);
  } catch {
    return null;
  }
}

export function toCampaignResponse(campaign: CampaignEntity): CampaignResponse {
  return {
    id: campaign.id,
    channelId: campaign.channelId,
    name: campaign.name,
    title: campaign.title,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
    allDay: campaign.allDay,
    tags: campaign.tags,
    notes: campaign.notes,
    target: targetOf(campaign),
    content: campaign.content,
    recurrenceText: recurrenceText(campaign.content.rrule),
    ownerId: campaign.ownerId,
    revision: campaign.revision,
    version: campaign.version,
    approvalState: campaign.approvalState,
    submittedRevision: campaign.submittedRevision,
    approvedRevision: campaign.approvedRevision,
    syncState: campaign.syncState,
    kakaoState: campaign.kakaoState,
    kakaoEventId: campaign.kakaoEventId,
    publishedRevision: campaign.publishedRevision,
    publishedAt: campaign.publishedAt?.toISOString() ?? null,
    lastError:
      campaign.lastErrorCode !== null
        ? { code: campaign.lastErrorCode, message: campaign.lastErrorMessage ?? '' }
        : null,
    kakaoCheckedAt: campaign.kakaoCheckedAt?.toISOString() ?? null,
    archived: campaign.archivedAt !== null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}
