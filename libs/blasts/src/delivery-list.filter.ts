import { FilterEnum, FilterEnums, FilterInt, type ListQueryRules } from '@app/common';

import { DeliveryState } from './blast.enums';

// kakao_code is an int4 column.
const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };

/** `GET /api/blast-runs/:runId/deliveries`: by ledger id, oldest first. */
export const RUN_DELIVERY_LIST_RULES: ListQueryRules = {
  sortable: [],
  defaultSort: { field: 'id', order: 'ASC' },
};

/** `filter` of a run's delivery ledger. */
export class RunDeliveryListFilter {
  @FilterEnum(Object.values(DeliveryState))
  state?: DeliveryState;

  /** Kakao's error code, e.g. -12. */
  @FilterInt(INT4)
  kakaoCode?: number;
}

/** `GET /api/recipients/:id/deliveries`: by ledger id, newest first. */
export const RECIPIENT_DELIVERY_LIST_RULES: ListQueryRules = {
  sortable: [],
  defaultSort: { field: 'id', order: 'DESC' },
  maxPageSize: 200,
};

/** `filter` of a recipient's deliveries. */
export class RecipientDeliveryListFilter {
  /** One state, or any of a list. */
  @FilterEnums(Object.values(DeliveryState))
  state?: DeliveryState[];
}
