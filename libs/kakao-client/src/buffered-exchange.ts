// One HTTP exchange on an undici dispatcher, answered as status + whole body text, with a
// deadline that covers the wait for a pooled connection too. Kakao answers are small JSON
// documents, so a buffering DispatchHandler is both simpler and markedly cheaper per call than
// `request()`'s streaming body and AbortSignal plumbing.

import { type Dispatcher } from 'undici';

export interface ExchangeAnswer {
  status: number;
  text: string;
}

export class ExchangeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'ExchangeTimeoutError';
  }
}

export class ExchangeBodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`answer body larger than ${limitBytes} bytes`);
    this.name = 'ExchangeBodyTooLargeError';
  }
}

/** Upper bound of an answer body; Kakao's largest lists are far below it. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Sends one request and settles once: with the answer, a transport error, or a timeout. */
export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  timeoutMs: number,
): Promise<ExchangeAnswer> {
  return new Promise<ExchangeAnswer>((resolve, reject) => {
    dispatcher.dispatch(options, new BufferedExchange(resolve, reject, timeoutMs));
  });
}

class BufferedExchange implements Dispatcher.DispatchHandler {
  private status = 0;
  private chunks: Buffer[] = [];
  private bytes = 0;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly resolve: (answer: ExchangeAnswer) => void,
    private readonly reject: (error: Error) => void,
    private readonly timeoutMs: number,
  ) {
    this.timer = setTimeout(() => this.onTimeout(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) {
      // Timed out while waiting for a connection: do not send it at all.
      controller.abort(new ExchangeTimeoutError(this.timeoutMs));
    }
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    // 1xx informational answers come first; only the final status counts.
    this.status = statusCode;
    this.chunks = [];
    this.bytes = 0;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > MAX_BODY_BYTES) {
      const error = new ExchangeBodyTooLargeError(MAX_BODY_BYTES);
      controller.abort(error);
      this.fail(error);
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    clearTimeout(this.timer);
    const chunks = this.chunks;
    const text =
      chunks.length === 0
        ? ''
        : chunks.length === 1
          ? chunks[0].toString('utf8')
          : Buffer.concat(chunks, this.bytes).toString('utf8');
    this.chunks = [];
    this.resolve({ status: this.status, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  private onTimeout(): void {
    if (this.settled) {
      return;
    }
    const error = new ExchangeTimeoutError(this.timeoutMs);
    this.fail(error);
    this.controller?.abort(error);
  }

  private fail(error: Error): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    clearTimeout(this.timer);
    this.chunks = [];
    this.reject(error);
  }
}
