export { seedChannel, seedUser } from './account-factories';
export type { SeededUser } from './account-factories';
export { apiRequest, createAuthedClient } from './api-client';
export type { ApiClient, ApiResponse, Credentials } from './api-client';
export { everyoneAudience, seedSandboxRecipients } from './recipient-seeds';
export type { SandboxUser } from './recipient-seeds';
export { createSandboxApp, sandboxControl } from './sandbox-control';
export type { SandboxAppInfo } from './sandbox-control';
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
