/** Small fetch helpers for the sandbox's own HTTP specs (the typed client lives in libs/). */
export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

async function toJson(response: Response): Promise<JsonResponse> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  return { status: response.status, body, text };
}

export class SandboxTestClient {
  constructor(readonly url: string) {}

  async control(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return toJson(response);
  }

  /** A Kakao call: query for GET/DELETE, a form for POST; object values are sent as JSON strings. */
  async kakao(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    authorization: string | undefined,
    fields: Record<string, unknown> = {},
  ): Promise<JsonResponse> {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) {
        form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
    }
    const headers: Record<string, string> = {};
    if (authorization !== undefined) {
      headers.authorization = authorization;
    }
    let url = `${this.url}${path}`;
    let body: string | undefined;
    if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
      body = form.toString();
    } else if ([...form.keys()].length > 0) {
      url += `?${form.toString()}`;
    }
    return toJson(await fetch(url, { method, headers, body }));
  }

  async raw(method: string, path: string, init: RequestInit = {}): Promise<JsonResponse> {
    return toJson(await fetch(`${this.url}${path}`, { ...init, method }));
  }
}
