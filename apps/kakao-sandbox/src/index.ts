export {
  DEFAULT_SANDBOX_HOST,
  DEFAULT_SANDBOX_PORT,
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from '@app/kakao-sandbox/start-sandbox';
export type { QuotaLimits } from '@app/kakao-sandbox/quota/quota-limits';
