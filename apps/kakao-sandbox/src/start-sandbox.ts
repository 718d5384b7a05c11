import { buildServer } from '@app/kakao-sandbox/http/server';
import { type QuotaLimits, resolveDefaultQuotas } from '@app/kakao-sandbox/quota/quota-limits';
import { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { StateFile } from '@app/kakao-sandbox/state/state-file';

export interface SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file to load on start and save to (debounced, and on close). */
  stateFile?: string;
  /** Defaults for new apps; the rest come from SANDBOX_QUOTA_* or the documented values. */
  quotas?: Partial<QuotaLimits>;
  /** No log output at all (tests). */
  silent?: boolean;
  /** Base URL used in `after_url` and friends' page URLs; default: the Host the client used. */
  publicUrl?: string;
  /** Debounce of state-file writes, in ms. Default 1000. */
  saveDebounceMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_SANDBOX_PORT = 4010;
export const DEFAULT_SANDBOX_HOST = '127.0.0.1';

/** Starts the Kakao API sandbox and answers its URL and a `close` that saves state. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const silent = options.silent ?? false;
  const log = (message: string, error: unknown): void => {
    if (!silent) {
      console.error(`sandbox: ${message}`, error);
    }
  };
  const context = new SandboxContext(resolveDefaultQuotas(process.env, options.quotas));
  const stateFile =
    options.stateFile === undefined
      ? undefined
      : new StateFile(options.stateFile, context, options.saveDebounceMs ?? 1000, log);
  if (stateFile?.load() && !silent) {
    console.log(`sandbox: state loaded from ${options.stateFile}`);
  }
  stateFile?.watch();

  const app = buildServer(context, {
    publicUrl: options.publicUrl,
    log: (error) => log('unexpected error', error),
  });
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
  await app.listen({ port: options.port ?? DEFAULT_SANDBOX_PORT, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () => {
      closing ??= (async () => {
        await app.close();
        await stateFile?.flush();
      })();
      return closing;
    },
  };
}
