import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, jobs left active, as after a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the built worker (`dist/apps/worker/src/main.js`) as its own process with this env. */
export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
    cwd: ROOT,
    // At 'log' level the worker announces when its queues run, which is what we wait for.
    env: { ...process.env, ...env, LOG_LEVEL: 'log' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`Worker did not start:\n${output}`)),
      20_000,
    );
    const check = setInterval(() => {
      if (output.includes('Working queues')) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(deadline);
        reject(new Error(`Worker exited with ${child.exitCode}:\n${output}`));
      }
    }, 50);
  });
  return {
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
