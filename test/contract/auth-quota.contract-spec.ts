import { type CalendarTemplate } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  hoursFrom,
  kakaoError,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly(
  'makes apps without permission and with small quotas through the control API',
);

const SUITE = 'auth failures, permission and app quotas (2.5, 2.6, 2.4, 10)';

describeContract(SUITE, PARITY_CLAIM, () => {
  let harness: ContractHarness;

  beforeAll(async () => {
    harness = await startContractHarness();
  });
  afterAll(() => harness.close());

  describe('-401', () => {
    it('answers -401 "does not exist" for an unknown token', async () => {
      const client = harness.clientFor(await harness.control.createApp());
      const error = await expectCode(client.calendar.listCalendars('not-a-token'), -401, 401);
      expect(error.msg).toBe('this access token does not exist');
      expect(error.retryable).toBe(false);
    });

    it('answers -401 "already expired" for an expired token', async () => {
      const app = await harness.control.createApp();
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app);
      await client.calendar.listCalendars(user.access_token);
      await harness.control.expireToken(user.access_token);
      const error = await expectCode(client.calendar.listCalendars(user.access_token), -401, 401);
      expect(error.msg).toBe('this access token is already expired');
    });

    it('refreshes an expired token once with withUserToken and stores the new one', async () => {
      const app = await harness.control.createApp();
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app);
      await harness.control.expireToken(user.access_token);
      const stored: string[] = [];
      const list = await client.withUserToken(
        { accessToken: user.access_token, refreshToken: user.refresh_token },
        (token) => client.calendar.listCalendars(token),
        (tokens) => {
          stored.push(tokens.accessToken);
        },
      );
      expect(list.calendars.map((c) => c.id)).toContain('primary');
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toBe(user.access_token);
    });
  });

  describe('-402 missing consent', () => {
    it('names the required scopes and the api type', async () => {
      const app = await harness.control.createApp();
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app, { scopes: ['talk_message'] });
      const error = await expectCode(client.calendar.listCalendars(user.access_token), -402, 403);
      expect(error.requiredScopes).toEqual(['talk_calendar']);
      expect(error.allowedScopes).toEqual(expect.arrayContaining(['talk_message']));
      expect(error.apiType).toEqual(expect.stringMatching(/^[A-Z_]+$/));
      expect(error.retryable).toBe(false);
    });
  });

  describe('-5 app permission and -501 (2.4, 2.6)', () => {
    it('refuses non-team-members of an app without calendar permission, but not members', async () => {
      const app = await harness.control.createApp({ permissions: { calendar: false } });
      const client = harness.clientFor(app);
      const outsider = await harness.control.createUser(app, { team_member: false });
      const member = await harness.control.createUser(app, { team_member: true });
      await expectCode(client.calendar.listCalendars(outsider.access_token), -5, 403);
      await expect(client.calendar.listCalendars(member.access_token)).resolves.toBeDefined();
    });

    it('refuses send-to-friends of non-team-members without message permission', async () => {
      const app = await harness.control.createApp({ permissions: { message: false } });
      const client = harness.clientFor(app);
      const event = await client.publicEvents.createPublicEvent({
        title: 'Perm',
        time: hoursFrom('2030-04-12T01:00:00Z'),
      });
      const sender = await harness.control.createUser(app, { team_member: false });
      const friend = await harness.control.createUser(app, { team_member: false });
      await harness.control.befriend(app, sender, friend);
      const template: CalendarTemplate = {
        object_type: 'calendar',
        id_type: 'event',
        id: event,
        content: { title: 'Perm', link: { web_url: 'https://example.com' } },
      };
      await expectCode(
        client.messages.sendToFriends(sender.access_token, [friend.uuid], template),
        -5,
        403,
      );
    });

    it('answers -501 for a user without Kakao Talk', async () => {
      const app = await harness.control.createApp();
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app, { talk_user: false });
      await expectCode(client.calendar.listCalendars(user.access_token), -501, 400);
    });
  });

  describe('-10 app daily quota (10.2)', () => {
    it('answers -10 once the Talk Calendar quota is used up, until midnight KST', async () => {
      const app = await harness.control.createApp({ quotas: { talk_calendar_daily: 3 } });
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app);
      for (let i = 0; i < 3; i += 1) {
        await client.calendar.listCalendars(user.access_token);
      }
      const error = await expectCode(client.calendar.listCalendars(user.access_token), -10, 400);
      expect(error.msg).toBe('API limit has been exceeded.');
      expect(error.retryable).toBe(false);
      await harness.control.advanceClock(24 * 3_600_000);
      // The day-old access token has expired: withUserToken refreshes it and retries once.
      await expect(
        client.withUserToken(
          { accessToken: user.access_token, refreshToken: user.refresh_token },
          (token) => client.calendar.listCalendars(token),
        ),
      ).resolves.toBeDefined();
    });

    it('answers -10 once the message quota is used up', async () => {
      const app = await harness.control.createApp({ quotas: { talk_message_daily: 1 } });
      const client = harness.clientFor(app);
      const user = await harness.control.createUser(app);
      const template = {
        object_type: 'text',
        text: 'Hi',
        link: { web_url: 'https://example.com' },
      } as const;
      await client.messages.sendToMe(user.access_token, template);
      const error = await kakaoError(client.messages.sendToMe(user.access_token, template));
      expect({ code: error.code, status: error.status }).toEqual({ code: -10, status: 400 });
    });
  });
});
