import { type Identifier } from 'react-admin';

export interface Settled {
  done: number;
  failed: number;
  /** The first refusal's message (a translation key or the API's words). */
  reason: string;
}

/** Runs one request per id (in parallel) and counts how many went through. */
export async function settleEach(
  ids: readonly Identifier[],
  run: (id: Identifier) => Promise<unknown>,
): Promise<Settled> {
  const results = await Promise.allSettled(ids.map((id) => run(id)));
  const refusals = results.filter(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  const first: unknown = refusals[0]?.reason;
  return {
    done: results.length - refusals.length,
    failed: refusals.length,
    reason: first instanceof Error ? first.message : '',
  };
}
