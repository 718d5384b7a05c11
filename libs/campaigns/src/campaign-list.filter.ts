import {
  FilterBoolean,
  FilterEnums,
  FilterInstant,
  FilterText,
  FilterTexts,
  FilterUuids,
} from '@app/common';

import { LIMITS } from './campaign-validation';
import { ApprovalState, KakaoState, SyncState } from './campaign.enums';

const MAX_VALUES = 500;
const TAGS = { maxLength: LIMITS.tagMax, maxItems: MAX_VALUES };

/** `filter` of `GET /api/campaigns`; each list means "any of these". */
export class CampaignListFilter {
  @FilterUuids({ maxItems: MAX_VALUES })
  id?: string[];

  /** Archived campaigns instead of live ones (the default). */
  @FilterBoolean()
  archived?: boolean;

  /** Part of the name or title, case-insensitive. */
  @FilterText({ maxLength: 200, trim: true })
  q?: string;

  @FilterEnums(Object.values(SyncState), { maxItems: MAX_VALUES })
  syncState?: SyncState[];

  @FilterEnums(Object.values(ApprovalState), { maxItems: MAX_VALUES })
  approvalState?: ApprovalState[];

  @FilterEnums(Object.values(KakaoState), { maxItems: MAX_VALUES })
  kakaoState?: KakaoState[];

  /** Kakao subscribe-calendar ids. */
  @FilterTexts({ maxLength: 64, maxItems: MAX_VALUES })
  targetCalendarId?: string[];

  @FilterUuids({ maxItems: MAX_VALUES })
  ownerId?: string[];

  /** Campaigns with any of these tags; `tags` adds to the same list. */
  @FilterTexts(TAGS)
  tag?: string[];

  @FilterTexts(TAGS)
  tags?: string[];

  /**
   * Overlap with a window (the calendar view): starts before `startsBefore`, and some occurrence
   * of the series (the last, for repeating campaigns) ends after `endsAfter`.
   */
  @FilterInstant()
  startsBefore?: Date;

  @FilterInstant()
  endsAfter?: Date;

  /** Starts within [startsFrom, startsTo]. */
  @FilterInstant()
  startsFrom?: Date;

  @FilterInstant()
  startsTo?: Date;
}
