// Paging over `after_url` (events, public events, tasks, friends): the next page is fetched by
// re-issuing the query parameters carried in `after_url` (which include `next_page_token` or
// `offset`) against the configured base URL, never against the URL's own host.

import { type JsonObject } from './kakao-response';
import { flag, optionalText } from './response-readers';

export interface PageCursor {
  after_url?: string;
  has_next?: boolean;
}

/** Reads the cursor of a list answer; a missing `has_next` means "next iff after_url". */
export function pageCursor(body: JsonObject): { has_next: boolean; after_url?: string } {
  const text = optionalText(body.after_url);
  const afterUrl = text === undefined || text.length === 0 ? undefined : text;
  const hasNext = body.has_next === undefined ? afterUrl !== undefined : flag(body.has_next);
  return afterUrl === undefined
    ? { has_next: hasNext }
    : { has_next: hasNext, after_url: afterUrl };
}

/** The `after_url` to follow, or undefined on the last page. */
export function nextPageUrl(page: PageCursor): string | undefined {
  if (page.after_url === undefined || page.after_url.length === 0) {
    return undefined;
  }
  // Friends pages have no `has_next`; event and task pages say `has_next: false` on the last one.
  return page.has_next === false ? undefined : page.after_url;
}

/** Every page, starting with `first()` and following `after_url` with `next(url)`. */
export async function* followPages<P extends PageCursor>(
  first: () => Promise<P>,
  next: (afterUrl: string) => Promise<P>,
): AsyncGenerator<P, void, undefined> {
  let page = await first();
  const seen = new Set<string>();
  for (;;) {
    yield page;
    const url = nextPageUrl(page);
    if (url === undefined || seen.has(url)) {
      // A repeated cursor would loop forever; a server that repeats itself has no more pages.
      return;
    }
    seen.add(url);
    page = await next(url);
  }
}

/** The items of every page, in order. */
export async function* itemsOfPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[],
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) {
    yield* items(page);
  }
}
