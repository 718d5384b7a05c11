import { FilterText, FilterUuids, type ListQueryRules } from '@app/common';

/** The list is always by name, calendars removed at Kakao last; `sort` is accepted and ignored. */
export const SUBSCRIBE_CALENDAR_LIST_RULES: ListQueryRules = {
  sortable: ['name'],
  defaultSort: { field: 'name', order: 'ASC' },
};

/** `filter` of `GET /api/subscribe-calendars` (the admin's calendar pickers and references). */
export class SubscribeCalendarListFilter {
  /** Part of the name, case-insensitive. */
  @FilterText({ maxLength: 100, trim: true })
  q?: string;

  /** react-admin's getMany sends `{"id":[...]}`. */
  @FilterUuids({ maxItems: 200 })
  id?: string[];
}
