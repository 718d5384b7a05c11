/** The sandbox's notion of "now": wall clock plus an offset the control API can shift. */
export class SandboxClock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  set(instantMs: number): void {
    this.offset = instantMs - Date.now();
  }

  restore(offsetMs: number): void {
    this.offset = offsetMs;
  }
}
