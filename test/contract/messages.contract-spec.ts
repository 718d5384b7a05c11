import { request } from 'undici';

import {
  type CalendarTemplate,
  type DefaultTemplate,
  type KakaoClient,
  prepareTemplate,
} from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  hoursFrom,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

const link = {
  web_url: 'https://example.com/popup',
  mobile_web_url: 'https://m.example.com/popup',
};

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly("reads recipients' inboxes through the control API");

describeContract('Kakao Talk messages (5.1–5.4)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let eventId: string;

  const calendarTemplate = (overrides: Partial<CalendarTemplate> = {}): CalendarTemplate => ({
    object_type: 'calendar',
    id_type: 'event',
    id: eventId,
    content: { title: 'Spring Pop-up', description: '4/12–4/14 Seongsu', link },
    buttons: [{ title: 'Details', link }],
    ...overrides,
  });

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp({ subscribe_calendars: [{ name: 'Drops' }] });
    client = harness.clientFor(app);
    eventId = await client.publicEvents.createPublicEvent({
      title: 'Spring Pop-up',
      time: hoursFrom('2030-04-12T01:00:00Z', 9),
    });
  });
  afterAll(() => harness.close());

  describe('5.1 send to me', () => {
    it('delivers a calendar template to the user', async () => {
      const user = await harness.control.createUser(app);
      await expect(
        client.messages.sendToMe(user.access_token, calendarTemplate()),
      ).resolves.toEqual({
        result_code: 0,
      });
      const messages = await harness.control.messagesOf(user);
      expect(messages).toHaveLength(1);
      expect(JSON.stringify(messages[0])).toContain(eventId);
    });

    it('delivers a subscribe-calendar template and a prepared template', async () => {
      const user = await harness.control.createUser(app);
      const template = calendarTemplate({
        id_type: 'calendar',
        id: app.subscribe_calendars[0].id,
        buttons: undefined,
      });
      await client.messages.sendToMe(user.access_token, template);
      await client.messages.sendToMe(user.access_token, prepareTemplate(template));
      expect(await harness.control.messagesOf(user)).toHaveLength(2);
    });

    it.each<[string, DefaultTemplate]>([
      ['text', { object_type: 'text', text: 'Hello', link }],
      ['feed', { object_type: 'feed', content: { title: 'Feed', link } }],
      [
        'list',
        {
          object_type: 'list',
          header_title: 'New drops',
          header_link: link,
          contents: [
            { title: 'A', link },
            { title: 'B', link },
          ],
        },
      ],
      [
        'location',
        { object_type: 'location', address: 'Seongsu-dong', content: { title: 'Here', link } },
      ],
      [
        'commerce',
        {
          object_type: 'commerce',
          content: { title: 'Sale', link },
          commerce: { regular_price: 10000 },
        },
      ],
    ])('accepts a %s template', async (_type, template) => {
      const user = await harness.control.createUser(app);
      await expect(client.messages.sendToMe(user.access_token, template)).resolves.toEqual({
        result_code: 0,
      });
    });

    it('needs talk_message consent (-402)', async () => {
      const user = await harness.control.createUser(app, { scopes: ['talk_calendar'] });
      const error = await expectCode(
        client.messages.sendToMe(user.access_token, calendarTemplate()),
        -402,
        403,
      );
      expect(error.requiredScopes).toEqual(['talk_message']);
    });
  });

  describe('5.3 calendar template validation', () => {
    let user: SandboxUser;

    beforeAll(async () => {
      user = await harness.control.createUser(app);
    });

    it.each<[string, () => CalendarTemplate]>([
      [
        'two custom buttons',
        () =>
          calendarTemplate({
            buttons: [
              { title: 'One', link },
              { title: 'Two', link },
            ] as unknown as [{ title: string; link: typeof link }],
          }),
      ],
      ['an unknown id_type', () => calendarTemplate({ id_type: 'post' as 'event' })],
      ['an empty id', () => calendarTemplate({ id: '' })],
      ['an unknown event id', () => calendarTemplate({ id: 'nope' })],
      [
        'an unknown subscribe calendar id',
        () => calendarTemplate({ id_type: 'calendar', id: 'nope' }),
      ],
      [
        'content without link',
        () => calendarTemplate({ content: { title: 'x' } as CalendarTemplate['content'] }),
      ],
      [
        'content without title, description or image',
        () => calendarTemplate({ content: { link } }),
      ],
      [
        'a template over 10 KB',
        () =>
          calendarTemplate({
            content: { title: 'Big', description: 'd'.repeat(11 * 1024), link },
          }),
      ],
      [
        'a wrong object_type',
        () => ({ ...calendarTemplate(), object_type: 'banner' as 'calendar' }),
      ],
    ])('rejects %s with -2', async (_case, template) => {
      await expectCode(client.messages.sendToMe(user.access_token, template()), -2, 400);
    });

    it('rejects an event of another app with -2', async () => {
      const other = await harness.control.createApp({ name: 'other' });
      const foreignEvent = await harness.clientFor(other).publicEvents.createPublicEvent({
        title: 'Foreign',
        time: hoursFrom('2030-04-12T01:00:00Z'),
      });
      await expectCode(
        client.messages.sendToMe(user.access_token, calendarTemplate({ id: foreignEvent })),
        -2,
        400,
      );
    });

    it('rejects a deleted event with -2', async () => {
      const gone = await client.publicEvents.createPublicEvent({
        title: 'Gone',
        time: hoursFrom('2030-04-12T01:00:00Z'),
      });
      await client.publicEvents.deletePublicEvent(gone);
      await expectCode(
        client.messages.sendToMe(user.access_token, calendarTemplate({ id: gone })),
        -2,
        400,
      );
    });
  });

  describe('5.2 send to friends', () => {
    let sender: SandboxUser;
    let friends: SandboxUser[];

    beforeEach(async () => {
      sender = await harness.control.createUser(app);
      friends = [];
      for (let i = 0; i < 6; i += 1) {
        const friend = await harness.control.createUser(app);
        await harness.control.befriend(app, sender, friend);
        friends.push(friend);
      }
    });

    it('delivers to every listed friend', async () => {
      const uuids = friends.slice(0, 2).map((f) => f.uuid);
      const result = await client.messages.sendToFriends(
        sender.access_token,
        uuids,
        calendarTemplate(),
      );
      expect(result).toEqual({ successful_receiver_uuids: uuids, failure_info: [] });
      for (const friend of friends.slice(0, 2)) {
        expect(await harness.control.messagesOf(friend)).toHaveLength(1);
      }
      expect(await harness.control.messagesOf(friends[2])).toHaveLength(0);
    });

    it('accepts 5 receivers and rejects 0 or 6 with -2', async () => {
      const uuids = friends.map((f) => f.uuid);
      await expect(
        client.messages.sendToFriends(sender.access_token, uuids.slice(0, 5), calendarTemplate()),
      ).resolves.toMatchObject({ successful_receiver_uuids: uuids.slice(0, 5) });
      await expectCode(
        client.messages.sendToFriends(sender.access_token, [], calendarTemplate()),
        -2,
        400,
      );
      await expectCode(
        client.messages.sendToFriends(sender.access_token, uuids, calendarTemplate()),
        -2,
        400,
      );
    });

    it('rejects the uuid of a user of another app with -2 (messages stay within a service)', async () => {
      const other = await harness.control.createApp({ name: 'other service' });
      const stranger = await harness.control.createUser(other);
      await expectCode(
        client.messages.sendToFriends(sender.access_token, [stranger.uuid], calendarTemplate()),
        -2,
        400,
      );
    });

    it('takes receiver_uuids as an array in a tolerated JSON body (1.1)', async () => {
      const uuids = friends.slice(0, 2).map((f) => f.uuid);
      const response = await request(
        `${harness.apiBaseUrl}/v1/api/talk/friends/message/default/send`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${sender.access_token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ receiver_uuids: uuids, template_object: calendarTemplate() }),
        },
      );
      expect(response.statusCode).toBe(200);
      expect(await response.body.json()).toEqual({ successful_receiver_uuids: uuids });
    });

    it('rejects receivers that are not uuids the sender may message', async () => {
      const stranger = await harness.control.createUser(app);
      const result = await client.messages
        .sendToFriends(sender.access_token, [stranger.uuid], calendarTemplate())
        .then(
          (answer) => ({ answer }),
          (error: unknown) => ({ error: error as { code?: number } }),
        );
      // 5.2: either the whole call fails with -2, or the recipient fails with -502.
      if ('error' in result) {
        expect(result.error.code).toBe(-2);
      } else {
        expect(result.answer.failure_info).toEqual([
          expect.objectContaining({ code: -502, receiver_uuids: [stranger.uuid] }),
        ]);
      }
      await expectCode(
        client.messages.sendToFriends(sender.access_token, ['not-a-uuid'], calendarTemplate()),
        -2,
        400,
      );
    });
  });

  describe('per-recipient quotas inside failure_info (5.2, 10.2)', () => {
    const setup = async (
      quotas: { sender_daily?: number; recipient_daily?: number; pair_daily?: number },
      friendCount: number,
    ) => {
      const quotaApp = await harness.control.createApp({ name: 'quota', quotas });
      const quotaClient = harness.clientFor(quotaApp);
      const event = await quotaClient.publicEvents.createPublicEvent({
        title: 'Quota',
        time: hoursFrom('2030-04-12T01:00:00Z'),
      });
      const sender = await harness.control.createUser(quotaApp);
      const receivers: SandboxUser[] = [];
      for (let i = 0; i < friendCount; i += 1) {
        const friend = await harness.control.createUser(quotaApp);
        await harness.control.befriend(quotaApp, sender, friend);
        receivers.push(friend);
      }
      return {
        quotaApp,
        quotaClient,
        sender,
        receivers,
        template: calendarTemplate({ id: event }),
      };
    };

    it("reports the sender's daily quota as -532", async () => {
      const { quotaClient, sender, receivers, template } = await setup({ sender_daily: 2 }, 3);
      const result = await quotaClient.messages.sendToFriends(
        sender.access_token,
        receivers.map((r) => r.uuid),
        template,
      );
      expect(result.successful_receiver_uuids).toEqual([receivers[0].uuid, receivers[1].uuid]);
      expect(result.failure_info).toEqual([
        expect.objectContaining({ code: -532, receiver_uuids: [receivers[2].uuid] }),
      ]);
    });

    it("reports the recipient's daily quota as -533", async () => {
      const { quotaApp, quotaClient, sender, receivers, template } = await setup(
        { recipient_daily: 1 },
        1,
      );
      const second = await harness.control.createUser(quotaApp);
      await harness.control.befriend(quotaApp, second, receivers[0]);
      await quotaClient.messages.sendToFriends(sender.access_token, [receivers[0].uuid], template);
      const result = await quotaClient.messages.sendToFriends(
        second.access_token,
        [receivers[0].uuid],
        template,
      );
      expect(result.successful_receiver_uuids).toEqual([]);
      expect(result.failure_info).toEqual([
        expect.objectContaining({ code: -533, receiver_uuids: [receivers[0].uuid] }),
      ]);
    });

    it('reports the pair daily quota as -536 and resets at midnight KST', async () => {
      const { quotaClient, sender, receivers, template } = await setup({ pair_daily: 1 }, 2);
      const [a, b] = receivers.map((r) => r.uuid);
      await quotaClient.messages.sendToFriends(sender.access_token, [a], template);
      const result = await quotaClient.messages.sendToFriends(
        sender.access_token,
        [a, b],
        template,
      );
      expect(result.successful_receiver_uuids).toEqual([b]);
      expect(result.failure_info).toEqual([
        expect.objectContaining({ code: -536, receiver_uuids: [a] }),
      ]);
      await harness.control.advanceClock(24 * 3_600_000);
      // A day later the access token (6 h) has expired too: refresh it as the console would.
      const refreshed = await quotaClient.refreshAccessToken(sender.refresh_token);
      await expect(
        quotaClient.messages.sendToFriends(refreshed.accessToken, [a], template),
      ).resolves.toMatchObject({ successful_receiver_uuids: [a] });
    });
  });

  describe('tapping the calendar button (sandbox control, 5.3)', () => {
    it('adds the public event to the recipient calendar', async () => {
      const user = await harness.control.createUser(app);
      await client.messages.sendToMe(user.access_token, calendarTemplate());
      const [message] = await harness.control.messagesOf(user);
      await harness.control.tap(String(message.message_id));
      const page = await client.calendar.listEvents(user.access_token, {
        from: '2030-04-01T00:00:00Z',
        to: '2030-04-30T00:00:00Z',
      });
      expect(page.events).toContainEqual(expect.objectContaining({ id: eventId, type: 'PUBLIC' }));
    });
  });
});
