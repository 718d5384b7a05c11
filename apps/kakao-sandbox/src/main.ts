import {
  DEFAULT_SANDBOX_HOST,
  DEFAULT_SANDBOX_PORT,
  startSandbox,
} from '@app/kakao-sandbox/start-sandbox';

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') {
    return DEFAULT_SANDBOX_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SANDBOX_PORT must be a port number, got "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: portFromEnv(process.env.SANDBOX_PORT),
    host: process.env.SANDBOX_HOST || DEFAULT_SANDBOX_HOST,
    stateFile: process.env.SANDBOX_STATE_FILE || undefined,
    publicUrl: process.env.SANDBOX_PUBLIC_URL || undefined,
  });
  console.log(
    `Kakao API sandbox listening on ${sandbox.url} (control API: ${sandbox.url}/__sandbox/)`,
  );

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`sandbox: ${signal}, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
