import { Semaphore } from 'async-mutex';

/**
 * The calls this process may have on the wire at once, across every batch it works on. A row is
 * claimed (`sending`) only once it holds a slot, and gives the slot back only when its outcome is
 * written, so a crash leaves at most `size` rows `sending`. Sized to the Kakao client's pool: more
 * would only queue inside the pool while holding rows.
 */
export class SendWindow {
  private readonly slots: Semaphore;
  private held = 0;

  constructor(readonly size: number) {
    this.slots = new Semaphore(size);
  }

  /** Waits for `count` slots (at most the window's size). */
  async acquire(count: number): Promise<void> {
    const weight = Math.min(count, this.size);
    await this.slots.acquire(weight);
    this.held += weight;
  }

  release(count: number): void {
    const weight = Math.min(count, this.held);
    if (weight > 0) {
      this.held -= weight;
      this.slots.release(weight);
    }
  }

  /** Slots held now: rows claimed whose outcome is not written yet. */
  get inFlight(): number {
    return this.held;
  }
}
