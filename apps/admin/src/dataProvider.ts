import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, type Identifier } from 'react-admin';

import {
  type AudienceDefinition,
  type AudienceMembersResult,
  type AudiencePreview,
  type AudienceSize,
} from '@admin/audiences/types';
import { type BlastEstimate, type BlastRun, type RunProgress } from '@admin/blasts/types';
import {
  type ApprovalEntry,
  type Campaign,
  type CampaignRevision,
  type FieldChange,
  type Holiday,
  type KakaoCopy,
} from '@admin/campaigns/types';
import { type KakaoKeysCheck } from '@admin/channels/types';
import { reachSearch } from '@admin/dashboard/reachLogic';
import { type ReachQuery, type ReachSeries, type ReachSummary } from '@admin/dashboard/types';
import {
  consoleHeaders,
  createHttpClient,
  type FetchLike,
  type HttpClient,
  parseJson,
  toHttpError,
} from '@admin/httpClient';
import { type ImportTarget, type RecipientImport } from '@admin/recipient-imports/types';
import { sessionStore, type SessionStore } from '@admin/session';
import { readServerSentEvents } from '@admin/shared/serverSentEvents';
import {
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookEndpoint,
} from '@admin/webhooks/types';

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
  unarchive(id: Identifier): Promise<{ data: Campaign }>;
  /** Every recipient the list shows (its filter and sort) as CSV, headers in `locale`. */
  exportRecipients(query: {
    filter: object;
    sort: { field: string; order: string };
    locale: string;
  }): Promise<{ data: Blob }>;
  /** One harmless Kakao call per saved key of the channel: does Kakao take it? */
  testKakaoKeys(channelId: Identifier): Promise<{ data: KakaoKeysCheck }>;
  /** A new draft copied from a campaign or a blast, named `name`. */
  duplicate(
    resource: 'campaigns' | 'blasts',
    id: Identifier,
    name: string,
  ): Promise<{ data: { id: Identifier; name: string } }>;
  restore(id: Identifier, revision: number, version?: number): Promise<{ data: Campaign }>;
  revisions(id: Identifier): Promise<{ data: CampaignRevision[] }>;
  diff(id: Identifier, from: number, to: number): Promise<{ data: FieldChange[] }>;
  approvals(id: Identifier): Promise<{ data: ApprovalEntry[] }>;
  kakaoCopy(id: Identifier): Promise<{ data: KakaoCopy }>;
  reconcile(): Promise<{ data: Queued }>;
  importUnmanaged(id: Identifier): Promise<{ data: Campaign }>;
  syncCalendars(): Promise<{ data: Queued }>;
  holidays(from: string, to: string): Promise<{ data: Holiday[] }>;
  /** Checks the channel relation of the channel's recipients now (a job). */
  syncRecipientRelations(): Promise<{ data: Queued }>;
  /** The live size of rules not saved yet. */
  previewAudience(definition: AudienceDefinition): Promise<{ data: AudiencePreview }>;
  audienceSize(id: Identifier): Promise<{ data: AudienceSize }>;
  /** Adds or removes members of a static audience by Kakao user id. */
  changeAudienceMembers(
    id: Identifier,
    change: 'add' | 'remove',
    kakaoUserIds: string[],
  ): Promise<{ data: AudienceMembersResult }>;
  /** Uploads a CSV (multipart); the import then runs in a worker (follow it as `recipient-imports`). */
  importCsv(target: ImportTarget, file: File): Promise<{ data: RecipientImport }>;
  /** The rejected rows of an import as CSV, fetched with the session's headers. */
  importErrors(id: Identifier): Promise<{ data: Blob }>;
  blastEstimate(
    audienceId: Identifier,
    ratePerSecond: number,
    quietHours?: boolean,
  ): Promise<{ data: BlastEstimate }>;
  /** The estimate of a saved blast if it were started now, quiet-hours wait included. */
  blastStartEstimate(id: Identifier): Promise<{ data: BlastEstimate }>;
  startBlast(id: Identifier): Promise<{ data: BlastRun }>;
  testSendBlast(id: Identifier, recipientId: Identifier): Promise<{ data: { sent: true } }>;
  blastRuns(id: Identifier): Promise<{ data: BlastRun[] }>;
  runProgress(runId: Identifier): Promise<{ data: RunProgress }>;
  /** The run's progress once a second (server-sent events) until it ends or `signal` aborts. */
  runEvents(
    runId: Identifier,
    onProgress: (progress: RunProgress) => void,
    signal: AbortSignal,
  ): Promise<void>;
  pauseRun(runId: Identifier): Promise<{ data: RunProgress }>;
  resumeRun(runId: Identifier): Promise<{ data: RunProgress }>;
  cancelRun(runId: Identifier): Promise<{ data: RunProgress }>;
  resendRun(runId: Identifier, states: ('unknown' | 'failed')[]): Promise<{ data: RunProgress }>;
  /** A one-time URL that opens the queue board (administrators). */
  queueBoardTicket(): Promise<{ data: { url: string; expiresAt: string } }>;
  /** Sends a `ping` to the endpoint now; the answer is the delivery with its first attempt. */
  testWebhook(id: Identifier): Promise<{ data: WebhookDeliveryDetail }>;
  /** A new signing secret; the answer carries it, shown this once. */
  rotateWebhookSecret(id: Identifier): Promise<{ data: WebhookEndpoint & { secret: string } }>;
  /** Sends a delivered or failed delivery again, as a new delivery of the same event. */
  redeliverWebhook(id: Identifier): Promise<{ data: WebhookDelivery }>;
  /** Reach totals, funnel, estimates, top campaigns and audiences of the period. */
  reachSummary(query: ReachQuery): Promise<{ data: ReachSummary }>;
  reachTimeseries(query: ReachQuery): Promise<{ data: ReachSeries }>;
  /** The series as CSV, fetched with the session's headers. */
  reachCsv(query: ReachQuery): Promise<{ data: Blob }>;
}

export interface DataProviderOptions {
  /** `/api` in the browser (same origin); absolute in tests. */
  apiUrl: string;
  session: SessionStore;
  fetch?: FetchLike;
}

const path = (id: Identifier): string => encodeURIComponent(String(id));

/** Resources whose API path is not their name. */
const RESOURCE_PATHS: Readonly<Record<string, string>> = {
  'recipient-imports': 'recipients/imports',
};
const resourcePath = (resource: string): string => RESOURCE_PATHS[resource] ?? resource;

/** Lists of one parent record, at `<parent>/:id/<list>` (react-admin's getManyReference). */
const NESTED_LISTS: Readonly<Record<string, { parent: string; list: string }>> = {
  'recipient-deliveries': { parent: 'recipients', list: 'deliveries' },
  'audience-members': { parent: 'audiences', list: 'members' },
  'webhook-deliveries': { parent: 'webhooks', list: 'deliveries' },
};

export function createDataProvider(options: DataProviderOptions): ConsoleDataProvider {
  const http: HttpClient = createHttpClient({ session: options.session, fetch: options.fetch });
  const { apiUrl } = options;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

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

  const rest = simpleRestProvider(apiUrl, http);
  return {
    ...rest,
    getList: (resource, params) => rest.getList(resourcePath(resource), params),
    getOne: (resource, params) => rest.getOne(resourcePath(resource), params),
    getMany: (resource, params) => rest.getMany(resourcePath(resource), params),
    // A recipient's deliveries are a list of its own: `/recipients/:id/deliveries`.
    getManyReference: (resource, params) => {
      const nested = NESTED_LISTS[resource];
      return nested
        ? rest.getList(`${nested.parent}/${path(params.id)}/${nested.list}`, params)
        : rest.getManyReference(resource, params);
    },
    submit: (id, text) => post(`/campaigns/${path(id)}/submit`, comment(text)),
    approve: (id, text) => post(`/campaigns/${path(id)}/approve`, comment(text)),
    reject: (id, text) => post(`/campaigns/${path(id)}/reject`, comment(text)),
    publish: (id) => post(`/campaigns/${path(id)}/publish`),
    unpublish: (id) => post(`/campaigns/${path(id)}/unpublish`),
    unarchive: (id) => post(`/campaigns/${path(id)}/unarchive`),
    testKakaoKeys: (channelId) => post(`/channels/${path(channelId)}/kakao-keys/test`),
    duplicate: (resource, id, name) => post(`/${resource}/${path(id)}/duplicate`, { name }),
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
    syncRecipientRelations: () => post('/recipients/relation-sync'),
    previewAudience: (definition) => post('/audiences/preview', definition),
    audienceSize: (id) => get(`/audiences/${path(id)}/size`),
    changeAudienceMembers: (id, change, kakaoUserIds) =>
      post(`/audiences/${path(id)}/members${change === 'remove' ? '/remove' : ''}`, {
        kakaoUserIds,
      }),
    async importCsv(target, file) {
      const form = new FormData();
      form.append('file', file, file.name);
      const url =
        target.kind === 'recipients'
          ? `/recipients/imports?${new URLSearchParams({ mode: target.mode }).toString()}`
          : `/audiences/${path(target.audienceId)}/imports`;
      const { json } = await http(`${apiUrl}${url}`, { method: 'POST', body: form });
      return { data: json as RecipientImport };
    },
    async exportRecipients({ filter, sort, locale }) {
      const search = new URLSearchParams({
        filter: JSON.stringify(filter),
        sort: JSON.stringify([sort.field, sort.order]),
      });
      const { body } = await http(`${apiUrl}/recipients/export.csv?${search.toString()}`, {
        headers: new Headers({ Accept: 'text/csv', 'Accept-Language': locale }),
      });
      // Reading the answer as text drops the BOM that tells spreadsheets it is UTF-8.
      return {
        data: new Blob(['\uFEFF', body.replace(/^\uFEFF/, '')], { type: 'text/csv;charset=utf-8' }),
      };
    },
    async importErrors(id) {
      const { body } = await http(`${apiUrl}/recipients/imports/${path(id)}/errors.csv`, {
        headers: { Accept: 'text/csv' },
      });
      return { data: new Blob([body], { type: 'text/csv;charset=utf-8' }) };
    },
    blastEstimate: (audienceId, ratePerSecond, quietHours = false) =>
      post('/blasts/estimate', { audienceId, ratePerSecond, quietHours }),
    blastStartEstimate: (id) => get(`/blasts/${path(id)}/estimate`),
    startBlast: (id) => post(`/blasts/${path(id)}/start`),
    testSendBlast: (id, recipientId) => post(`/blasts/${path(id)}/test-send`, { recipientId }),
    blastRuns: (id) => get(`/blasts/${path(id)}/runs`),
    runProgress: (runId) => get(`/blast-runs/${path(runId)}`),
    async runEvents(runId, onProgress, signal) {
      const response = await doFetch(`${apiUrl}/blast-runs/${path(runId)}/events`, {
        headers: consoleHeaders(options.session, { Accept: 'text/event-stream' }),
        signal,
      });
      if (!response.ok || !response.body) {
        throw toHttpError(response.status, response.statusText, parseJson(await response.text()));
      }
      await readServerSentEvents(response.body, (data) =>
        onProgress(JSON.parse(data) as RunProgress),
      );
    },
    pauseRun: (runId) => post(`/blast-runs/${path(runId)}/pause`),
    resumeRun: (runId) => post(`/blast-runs/${path(runId)}/resume`),
    cancelRun: (runId) => post(`/blast-runs/${path(runId)}/cancel`),
    resendRun: (runId, states) => post(`/blast-runs/${path(runId)}/resend`, { states }),
    queueBoardTicket: () => post('/queue-board/ticket'),
    testWebhook: (id) => post(`/webhooks/${path(id)}/test`),
    rotateWebhookSecret: (id) => post(`/webhooks/${path(id)}/rotate-secret`),
    redeliverWebhook: (id) => post(`/webhook-deliveries/${path(id)}/redeliver`),
    reachSummary: (query) => get(`/reach/summary?${reachSearch(query)}`),
    reachTimeseries: (query) => get(`/reach/timeseries?${reachSearch(query)}`),
    async reachCsv(query) {
      const { body } = await http(`${apiUrl}/reach/timeseries.csv?${reachSearch(query)}`, {
        headers: { Accept: 'text/csv' },
      });
      // The byte-order mark makes Excel (Korean Windows included) read the file as UTF-8.
      return { data: new Blob(['\uFEFF', body], { type: 'text/csv;charset=utf-8' }) };
    },
  };
}

export const dataProvider = createDataProvider({ apiUrl: '/api', session: sessionStore });
