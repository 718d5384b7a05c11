import { FilterEnums } from '@app/common';

import { BlastState } from './blast.enums';

/** `filter` of `GET /api/blasts`; a list means "any of these" (the scheduler's home asks for running and scheduled ones). */
export class BlastListFilter {
  @FilterEnums(Object.values(BlastState), { maxItems: 10 })
  state?: BlastState[];
}
