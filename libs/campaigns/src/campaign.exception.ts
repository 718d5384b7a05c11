import { DomainException, ErrorKind } from '@app/common';

export enum CampaignErrorCode {
  NotFound = 'campaign.not_found',
  Invalid = 'campaign.invalid',
  VersionConflict = 'campaign.version_conflict',
  NotApproved = 'campaign.not_approved',
  WrongApprovalState = 'campaign.wrong_approval_state',
  NotPublished = 'campaign.not_published',
  Archived = 'campaign.archived',
  PublishedCannotArchive = 'campaign.published_cannot_archive',
  RevisionNotFound = 'campaign.revision_not_found',
  UnmanagedNotFound = 'campaign.unmanaged_not_found',
  AlreadyImported = 'campaign.already_imported',
  CalendarNotFound = 'campaign.calendar_not_found',
  KakaoUnavailable = 'campaign.kakao_unavailable',
}

const KIND: Record<CampaignErrorCode, ErrorKind> = {
  [CampaignErrorCode.NotFound]: ErrorKind.NotFound,
  [CampaignErrorCode.Invalid]: ErrorKind.BadInput,
  [CampaignErrorCode.VersionConflict]: ErrorKind.Conflict,
  [CampaignErrorCode.NotApproved]: ErrorKind.Conflict,
  [CampaignErrorCode.WrongApprovalState]: ErrorKind.Conflict,
  [CampaignErrorCode.NotPublished]: ErrorKind.Conflict,
  [CampaignErrorCode.Archived]: ErrorKind.Conflict,
  [CampaignErrorCode.PublishedCannotArchive]: ErrorKind.Conflict,
  [CampaignErrorCode.RevisionNotFound]: ErrorKind.NotFound,
  [CampaignErrorCode.UnmanagedNotFound]: ErrorKind.NotFound,
  [CampaignErrorCode.AlreadyImported]: ErrorKind.Conflict,
  [CampaignErrorCode.CalendarNotFound]: ErrorKind.NotFound,
  [CampaignErrorCode.KakaoUnavailable]: ErrorKind.Unavailable,
};

export class CampaignException extends DomainException {
  constructor(
    code: CampaignErrorCode,
    message: string,
    errors?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(KIND[code], code, message, errors, details);
  }
}
