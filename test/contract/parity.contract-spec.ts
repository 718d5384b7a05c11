// The checks that run alike against the sandbox and the real API. Without KAKAO_PARITY they run
// against a fresh sandbox app (made through the control API here, in setup only); with it,
// against the configured keys and test user.

import { type KakaoClient } from '@app/kakao-client';

import { type ContractHarness, parityApp, startContractHarness } from './contract-setup';
import { describeContract, type ParityTarget, RUNS_IN_PARITY } from './parity';
import { PARITY_CHECKS } from './parity-checks';

describeContract('checks that run in parity mode', RUNS_IN_PARITY, () => {
  let harness: ContractHarness;
  let target: ParityTarget;
  let client: KakaoClient;

  beforeAll(async () => {
    harness = await startContractHarness();
    if (harness.parity !== undefined) {
      target = harness.parity;
    } else {
      const app = await harness.control.createApp();
      const user = await harness.control.createUser(app, {
        scopes: ['talk_calendar', 'profile_nickname'],
      });
      target = {
        apiBaseUrl: harness.apiBaseUrl,
        authBaseUrl: harness.authBaseUrl,
        restApiKey: app.rest_api_key,
        adminKey: app.admin_key,
        clientSecret: app.client_secret,
        accessToken: user.access_token,
        channelPublicId: app.channels[0].channel_public_id,
      };
    }
    client = harness.clientFor(parityApp(target));
  });
  afterAll(() => harness.close());

  it.each(PARITY_CHECKS)('$section: $title', async (check) => {
    await check.run(target, client);
  });
});
