/**
 * @jest-environment node
 */
import { createDataProvider } from '@admin/dataProvider';
import { type FetchLike } from '@admin/httpClient';
import { SessionStore } from '@admin/session';
import { memoryStorage } from '@admin/test/memoryStorage';

describe('dataProvider.exportRecipients', () => {
  it('asks with the list’s filter, sort and language, and hands back CSV with one BOM', async () => {
    const calls: { url: string; headers: Headers }[] = [];
    const fetch: FetchLike = (url, init = {}) => {
      calls.push({ url, headers: new Headers(init.headers) });
      return Promise.resolve(
        new Response('\uFEFF카카오 사용자 ID\r\n1\r\n', {
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
      );
    };
    const dataProvider = createDataProvider({
      apiUrl: 'http://console.test/api',
      session: new SessionStore(memoryStorage()),
      fetch,
    });
    const { data } = await dataProvider.exportRecipients({
      filter: { tag: ['vip'] },
      sort: { field: 'nickname', order: 'ASC' },
      locale: 'ko',
    });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/api/recipients/export.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ tag: ['vip'] });
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['nickname', 'ASC']);
    expect(calls[0].headers.get('accept-language')).toBe('ko');
    const bytes = new Uint8Array(await data.arrayBuffer());
    expect([...bytes.slice(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0xec, 0xb9, 0xb4]);
  });
});
