import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, type Identifier } from 'react-admin';

import {
  type ApprovalEntry,
  type Campaign,
  type CampaignRevision,
  type FieldChange,
  type Holiday,
  type KakaoCopy,
} from '@admin/campaigns/types';
import { createHttpClient, type FetchLike, type HttpClient } from '@admin/httpClient';
import { sessionStore, type SessionStore } from '@admin/session';

export interface Queued {
  queued: true;
}

/** The stock simple-REST methods plus the console's actions, each one plain POST or GET. */
export interface ConsoleDataProvider extends DataProvider {
  submit(id: Identifier, comment?: string): Promise<{ data: Campaign }>;
  approve(id: Identifier, comment?: string): Promise<{ data: Campaign }>;
  reject(id: Identifier, comment?: string): Promise<{ data: Campaign }>;
  publish(id: Identifier): Promise<{ data: Campaign }>;
  unpublish(id: Identifier): Promise<{ data: Campaign }>;
  restore(id: Identifier, revision: number, version?: number): Promise<{ data: Campaign }>;
  revisions(id: Identifier): Promise<{ data: CampaignRevision[] }>;
  diff(id: Identifier, from: number, to: number): Promise<{ data: FieldChange[] }>;
  approvals(id: Identifier): Promise<{ data: ApprovalEntry[] }>;
  kakaoCopy(id: Identifier): Promise<{ data: KakaoCopy }>;
  reconcile(): Promise<{ data: Queued }>;
  importUnmanaged(id: Identifier): Promise<{ data: Campaign }>;
  syncCalendars(): Promise<{ data: Queued }>;
  holidays(from: string, to: string): Promise<{ data: Holiday[] }>;
}

export interface DataProviderOptions {
  /** `/api` in the browser (same origin); absolute in tests. */
  apiUrl: string;
  session: SessionStore;
  fetch?: FetchLike;
}

const path = (id: Identifier): string => encodeURIComponent(String(id));

export function createDataProvider(options: DataProviderOptions): ConsoleDataProvider {
  const http: HttpClient = createHttpClient({ session: options.session, fetch: options.fetch });
  const { apiUrl } = options;

  async function get<T>(url: string): Promise<{ data: T }> {
    const { json } = await http(`${apiUrl}${url}`);
    return { data: json as T };
  }

  async function post<T>(url: string, body: object = {}): Promise<{ data: T }> {
    const { json } = await http(`${apiUrl}${url}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return { data: json as T };
  }

  const comment = (text: string | undefined): object =>
    text !== undefined && text.trim() !== '' ? { comment: text.trim() } : {};

  return {
    ...simpleRestProvider(apiUrl, http),
    submit: (id, text) => post(`/campaigns/${path(id)}/submit`, comment(text)),
    approve: (id, text) => post(`/campaigns/${path(id)}/approve`, comment(text)),
    reject: (id, text) => post(`/campaigns/${path(id)}/reject`, comment(text)),
    publish: (id) => post(`/campaigns/${path(id)}/publish`),
    unpublish: (id) => post(`/campaigns/${path(id)}/unpublish`),
    restore: (id, revision, version) =>
      post(`/campaigns/${path(id)}/restore/${revision}`, version === undefined ? {} : { version }),
    revisions: (id) => get(`/campaigns/${path(id)}/revisions`),
    diff: (id, from, to) =>
      get(
        `/campaigns/${path(id)}/diff?${new URLSearchParams({ from: String(from), to: String(to) }).toString()}`,
      ),
    approvals: (id) => get(`/campaigns/${path(id)}/approvals`),
    kakaoCopy: (id) => get(`/campaigns/${path(id)}/kakao`),
    reconcile: () => post('/campaigns/reconcile'),
    importUnmanaged: (id) => post(`/unmanaged-events/${path(id)}/import`),
    syncCalendars: () => post('/subscribe-calendars/sync'),
    holidays: (from, to) => get(`/holidays?${new URLSearchParams({ from, to }).toString()}`),
  };
}

export const dataProvider = createDataProvider({ apiUrl: '/api', session: sessionStore });
