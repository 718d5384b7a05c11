export { seedChannel, seedUser } from './account-factories';
export type { SeededUser } from './account-factories';
export {
  apiRequest,
  createAuthedClient,
  createSandboxApp,
  sandboxControl,
} from '@app/console-http';
export type { ApiClient, ApiResponse, Credentials, SandboxAppInfo } from '@app/console-http';
export { setQuietHours } from './channel-settings';
export { closeApiApp } from './close-api';
export { seedDemoHistoryIn } from './demo-seeds';
export { everyoneAudience, seedSandboxRecipients } from './recipient-seeds';
export type { SandboxUser } from '@app/console-http';
export {
  createTestDatabase,
  prepareTemplateDatabase,
  templateDatabaseName,
  testServerUrl,
} from './test-database';
export type { TestDatabase } from './test-database';
export { expectEventually, overrideEnv, uniqueQueuePrefix } from './test-env';
export { startTestStack, TEST_PASSWORD } from './test-stack';
export type { ApiAnswer, TestStack, TestStackOptions } from './test-stack';
export { spawnWorkerProcess } from './worker-process';
export type { WorkerProcess } from './worker-process';
export { freePort, startPrivatePostgres, startPrivateRedis } from './private-services';
export type { PrivatePostgres, PrivateRedis } from './private-services';
