import { type DeliveryOutcome } from './blast-ledger.repository';
import { type DeliveryState } from './blast.enums';

type WriteOutcomes = (outcomes: DeliveryOutcome[]) => Promise<Map<string, DeliveryState>>;

interface Waiting {
  outcomes: DeliveryOutcome[];
  resolve: (moved: DeliveryState[]) => void;
  reject: (error: unknown) => void;
}

/** Outcomes per statement at most: a bound on the statement's size, not a batching delay. */
const MAX_GROUP = 2_000;

/**
 * Writes the outcomes of answered calls as soon as they arrive, grouped: while one UPDATE runs,
 * the answers that come in meanwhile wait and go together in the next one. Each call thus waits
 * at most one write for its outcome to be durable, and the ledger sees one statement per round
 * trip instead of one per call or one per slowest-of-64.
 */
export class OutcomeWriter {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly write: WriteOutcomes) {}

  /** Resolves, once written, with the states of the rows that moved (in the order given). */
  record(outcomes: DeliveryOutcome[]): Promise<DeliveryState[]> {
    if (outcomes.length === 0) {
      return Promise.resolve([]);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ outcomes, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        void this.flush();
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const group: Waiting[] = [];
      let size = 0;
      while (this.waiting.length > 0 && (size === 0 || size < MAX_GROUP)) {
        const next = this.waiting.shift()!;
        group.push(next);
        size += next.outcomes.length;
      }
      try {
        const moved = await this.write(group.flatMap((entry) => entry.outcomes));
        for (const entry of group) {
          entry.resolve(
            entry.outcomes.flatMap((outcome) => {
              const state = moved.get(outcome.id);
              return state === undefined ? [] : [state];
            }),
          );
        }
      } catch (error) {
        for (const entry of group) {
          entry.reject(error);
        }
      }
    }
    this.flushing = false;
  }
}
