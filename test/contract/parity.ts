// Parity mode: the contract suite aimed at the real Kakao API by configuration alone, the way
// LocalStack's parity tests run against AWS. Steps that need the sandbox's control API (making
// apps and users, moving the clock, injecting faults) cannot run there; they are skipped, and
// each skip says why.

/** What a team with real keys supplies (see README, "Parity mode"). */
export interface ParityTarget {
  apiBaseUrl: string;
  authBaseUrl: string;
  restApiKey: string;
  adminKey: string;
  clientSecret?: string;
  /** A test user's access token (team member of the app) with talk_calendar and profile_nickname. */
  accessToken: string;
  /** A Kakao Talk Channel connected to the app. */
  channelPublicId: string;
}

const REQUIRED = {
  apiBaseUrl: 'KAKAO_PARITY_API_BASE_URL',
  authBaseUrl: 'KAKAO_PARITY_AUTH_BASE_URL',
  restApiKey: 'KAKAO_PARITY_REST_API_KEY',
  adminKey: 'KAKAO_PARITY_ADMIN_KEY',
  accessToken: 'KAKAO_PARITY_ACCESS_TOKEN',
  channelPublicId: 'KAKAO_PARITY_CHANNEL_PUBLIC_ID',
} as const;

/** `KAKAO_PARITY=1` turns parity mode on; every variable of REQUIRED must then be set. */
export function parityTargetFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): ParityTarget | undefined {
  if (env.KAKAO_PARITY !== '1' && env.KAKAO_PARITY !== 'true') {
    return undefined;
  }
  const missing = Object.values(REQUIRED).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`KAKAO_PARITY is on but these are not set: ${missing.join(', ')}`);
  }
  const read = (name: string): string => String(env[name]).replace(/\/+$/, '');
  return {
    apiBaseUrl: read(REQUIRED.apiBaseUrl),
    authBaseUrl: read(REQUIRED.authBaseUrl),
    restApiKey: read(REQUIRED.restApiKey),
    adminKey: read(REQUIRED.adminKey),
    clientSecret: env.KAKAO_PARITY_CLIENT_SECRET || undefined,
    accessToken: read(REQUIRED.accessToken),
    channelPublicId: read(REQUIRED.channelPublicId),
  };
}

/** The target of this run: set once per test file from the environment. */
export const PARITY_TARGET = parityTargetFromEnv();

/** Whether a contract test can run against the real API, and if not, why. */
export type ParityClaim = { runs: true } | { runs: false; because: string };

export const RUNS_IN_PARITY: ParityClaim = { runs: true };

export function sandboxOnly(because: string): ParityClaim {
  return { runs: false, because };
}

/**
 * `describe` that states its parity claim. In parity mode a sandbox-only suite is replaced by
 * one skipped test whose title names what was skipped and why.
 */
export function describeContract(title: string, claim: ParityClaim, body: () => void): void {
  if (PARITY_TARGET !== undefined && !claim.runs) {
    describe(title, () => {
      it.skip(`skipped in parity mode: ${claim.because}`, () => undefined);
    });
    return;
  }
  describe(title, body);
}

/** `it` for a test that needs the sandbox inside a suite that otherwise runs in parity mode. */
export function itSandboxOnly(title: string, because: string, fn: () => Promise<void>): void {
  if (PARITY_TARGET !== undefined) {
    it.skip(`${title} — skipped in parity mode: ${because}`, () => undefined);
    return;
  }
  it(title, fn);
}
