import { HttpError, type fetchUtils } from 'react-admin';

import { errorMessage, readEnvelope, translatableFieldErrors } from '@admin/serverErrors';
import { type SessionStore } from '@admin/session';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

/** The shape ra-data-simple-rest calls (`fetchUtils.fetchJson`'s), with a typed answer. */
export type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<HttpResponse>;

export interface HttpClientOptions {
  session: SessionStore;
  /** The fetch to use; the global one by default (looked up per call so tests can swap it). */
  fetch?: FetchLike;
}

/** A response body as JSON; undefined when empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An API error as react-admin expects it: `body.errors` lands under each input. */
export function toHttpError(status: number, statusText: string, json: unknown): HttpError {
  const envelope = readEnvelope(json);
  if (!envelope) {
    return new HttpError(statusText || `HTTP ${status}`, status, json);
  }
  const body = envelope.errors
    ? { ...envelope, errors: translatableFieldErrors(envelope.errors) }
    : envelope;
  return new HttpError(errorMessage(envelope), status, body);
}

/** `Authorization: Bearer <token>` and the current channel as `X-Channel-Id`, added to `init`. */
export function consoleHeaders(session: SessionStore, init?: HeadersInit): Headers {
  const headers = new Headers(init);
  const token = session.token();
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  }
  const channel = session.currentChannel();
  if (channel) {
    headers.set('X-Channel-Id', channel.id);
  }
  return headers;
}

/**
 * Every request of the console: JSON in and out, `Authorization: Bearer <token>` and the current
 * channel as `X-Channel-Id`; errors become `HttpError`s carrying the API's envelope.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (url, requestOptions = {}) => {
    const headers = consoleHeaders(options.session, requestOptions.headers);
    if (!headers.has('Accept')) {
      headers.set('Accept', 'application/json');
    }
    const body = requestOptions.body;
    if (
      body !== undefined &&
      body !== null &&
      !(body instanceof FormData) &&
      !headers.has('Content-Type')
    ) {
      headers.set('Content-Type', 'application/json');
    }
    const response = await doFetch(url, {
      method: requestOptions.method,
      body,
      signal: requestOptions.signal,
      credentials: requestOptions.credentials,
      headers,
    });
    const text = await response.text();
    const json = parseJson(text);
    if (response.status < 200 || response.status >= 300) {
      throw toHttpError(response.status, response.statusText, json);
    }
    return { status: response.status, headers: response.headers, body: text, json };
  };
}
