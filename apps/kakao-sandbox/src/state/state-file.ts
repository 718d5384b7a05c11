import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { decodeState, encodeState } from '@app/kakao-sandbox/state/state-codec';

/** Longest a change waits for a save while changes keep coming (e.g. during a blast). */
const MAX_SAVE_DELAY_MS = 30_000;

/**
 * Keeps the state in a JSON file: loaded at start, written once changes have paused for
 * `debounceMs` (or after 30 s of constant change), and once more on shutdown. Writes go to a
 * temporary file first so a crash never leaves half a file behind.
 */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private firstChangeAt = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly context: SandboxContext,
    private readonly debounceMs: number,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  /** Loads the file when it exists; answers whether it did. */
  load(): boolean {
    if (!existsSync(this.path)) {
      return false;
    }
    this.context.load(decodeState(readFileSync(this.path, 'utf8')));
    return true;
  }

  watch(): void {
    this.context.onChange(() => this.schedule());
  }

  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.save();
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      // Trailing debounce; `refresh` is cheap enough to call on every write.
      if (Date.now() - this.firstChangeAt < MAX_SAVE_DELAY_MS) {
        this.timer.refresh();
      }
      return;
    }
    this.firstChangeAt = Date.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch((error: unknown) => {
        this.log(`could not save state to ${this.path}`, error);
      });
    }, this.debounceMs);
    this.timer.unref();
  }

  private save(): Promise<void> {
    // Chained so two saves never write the temporary file at the same time.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const text = encodeState(this.context.snapshotState());
        const temporary = `${this.path}.${process.pid}.tmp`;
        await writeFile(temporary, text, 'utf8');
        await rename(temporary, this.path);
      });
    return this.writing;
  }
}
