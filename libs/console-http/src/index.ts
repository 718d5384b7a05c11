// HTTP drivers for a running console and its Kakao sandbox, used by the tests, the benchmarks and
// the demo history seeder.
export { apiRequest, createAuthedClient } from './api-client';
export type { ApiClient, ApiResponse, Credentials } from './api-client';
export { createSandboxApp, sandboxControl } from './sandbox-control';
export type { SandboxAppInfo } from './sandbox-control';
export { registerSandboxRecipients } from './sandbox-recipients';
export type { RecipientProfile, SandboxRecipientsOptions, SandboxUser } from './sandbox-recipients';
