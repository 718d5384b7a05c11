import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Closes an API app at once: the keep-alive sockets that fetch pools would otherwise hold a
 * graceful close for many seconds (longer than a test hook's time).
 */
export async function closeApiApp(app: NestFastifyApplication | undefined): Promise<void> {
  if (!app) {
    return;
  }
  (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.();
  await app.close();
}
