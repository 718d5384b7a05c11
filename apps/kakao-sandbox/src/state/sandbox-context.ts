import { FaultRegistry } from '@app/kakao-sandbox/faults/fault-registry';
import type { QuotaLimits } from '@app/kakao-sandbox/quota/quota-limits';
import { SandboxClock } from '@app/kakao-sandbox/state/clock';
import { createEmptyState, type SandboxState } from '@app/kakao-sandbox/state/sandbox-state';

/**
 * What every service shares. `state` is replaced on reset and load, so services read it through
 * the context on each call and never keep a reference.
 */
export class SandboxContext {
  state: SandboxState = createEmptyState();
  readonly clock = new SandboxClock();
  readonly faults = new FaultRegistry();
  private changeListener: (() => void) | undefined;

  constructor(readonly defaultQuotas: QuotaLimits) {}

  now(): number {
    return this.clock.now();
  }

  /** Called after every write so persistence can schedule a save. */
  markChanged(): void {
    this.changeListener?.();
  }

  onChange(listener: () => void): void {
    this.changeListener = listener;
  }

  reset(): void {
    this.state = createEmptyState();
    this.clock.restore(0);
    this.faults.clear();
    this.markChanged();
  }

  load(state: SandboxState): void {
    this.state = state;
    this.clock.restore(state.clockOffsetMs);
  }

  /** The state with the current clock offset, ready to encode. */
  snapshotState(): SandboxState {
    this.state.clockOffsetMs = this.clock.offsetMs;
    return this.state;
  }
}
