export {
  createTestDatabase,
  prepareTemplateDatabase,
  templateDatabaseName,
  testServerUrl,
} from './test-database';
export type { TestDatabase } from './test-database';
export { expectEventually, overrideEnv, uniqueQueuePrefix } from './test-env';
