import { contentRange, type ListQuery } from '@app/common';

export interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Sets `Content-Range` for ra-data-simple-rest and returns the page's items. */
export function listReply<T>(
  reply: HeaderReply,
  resource: string,
  query: ListQuery,
  items: T[],
  total: number,
): T[] {
  reply.header('Content-Range', contentRange(resource, query, total));
  return items;
}
