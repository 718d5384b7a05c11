// jsdom has no fetch Request, which the router builds for every navigation (a redirect after an
// action); the router reads little more than its url, method and signal.
class NavigationRequest {
  readonly signal: AbortSignal | undefined;
  readonly method = 'GET';
  readonly headers = new Map<string, string>();
  constructor(
    readonly url: string,
    init?: { signal?: AbortSignal },
  ) {
    this.signal = init?.signal;
  }
}

/** Lets components that redirect run in jsdom. */
export function allowNavigation(): void {
  Object.assign(globalThis, { Request: globalThis.Request ?? NavigationRequest });
}
