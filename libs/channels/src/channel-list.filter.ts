import { FilterText, FilterUuids, type ListQueryRules } from '@app/common';

export const CHANNEL_LIST_RULES: ListQueryRules = {
  sortable: ['name', 'channelPublicId', 'createdAt'],
  defaultSort: { field: 'name', order: 'ASC' },
  maxPageSize: 200,
};

/** `filter` of `GET /api/channels` (the caller's channels). */
export class ChannelListFilter {
  /** Part of the name, case-insensitive. */
  @FilterText({ maxLength: 100 })
  q?: string;

  /** react-admin's getMany sends `{"id":[...]}`. */
  @FilterUuids({ maxItems: 200 })
  id?: string[];
}
