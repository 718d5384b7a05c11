import { type EventBrief, type KakaoClient, type PublicEventCreate } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  hoursFrom,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

const WINDOW = { from: '2030-04-01T00:00:00Z', to: '2030-04-30T00:00:00Z' };

const popUp = (overrides: Partial<PublicEventCreate> = {}): PublicEventCreate => ({
  title: 'Spring Pop-up',
  time: hoursFrom('2030-04-12T01:00:00Z', 9),
  location: { name: 'Seongsu', latitude: 37.54, longitude: 127.05 },
  reminders: [60],
  ...overrides,
});

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('makes apps, channels and users through the control API');

describeContract('public events (4.11–4.16)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;

  const listIds = async (window = WINDOW): Promise<string[]> => {
    const ids: string[] = [];
    for await (const event of client.publicEvents.publicEvents({ ...window, limit: 100 })) {
      ids.push(event.id);
    }
    return ids;
  };

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());

  describe('4.11–4.15 create, list, detail, update, delete', () => {
    it('creates a public event and answers it in detail with its banner', async () => {
      const event = popUp({
        description: '4/12–4/14',
        color: 'ORANGE',
        banner: {
          pc_image_url: 'https://cdn.example.com/pc.png',
          mobile_image_url: 'https://cdn.example.com/m.png',
          bg_color: '#FFFFFF',
          link: { web_url: 'https://example.com/popup' },
        },
        notification_message: {
          before_event_reminder: {
            button: { title: '상세보기', link: { web_url: 'https://example.com/e/1' } },
          },
        },
      });
      const id = await client.publicEvents.createPublicEvent(event, {
        channelPublicId: app.channels[0].channel_public_id,
      });
      const detail = await client.publicEvents.getPublicEvent(id);
      expect(detail).toMatchObject({
        id,
        title: 'Spring Pop-up',
        type: 'PUBLIC',
        is_host: true,
        description: '4/12–4/14',
        color: 'ORANGE',
        reminders: [60],
        location: event.location,
        banner: event.banner,
        time: { start_at: '2030-04-12T01:00:00Z', end_at: '2030-04-12T10:00:00Z' },
      });
    });

    it('lists public events with type PUBLIC and is_host true', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp({ title: 'Listed' }));
      const page = await client.publicEvents.listPublicEvents({ ...WINDOW, limit: 1000 });
      expect(page.events).toContainEqual(
        expect.objectContaining<Partial<EventBrief>>({
          id,
          title: 'Listed',
          type: 'PUBLIC',
          is_host: true,
        }),
      );
    });

    it('updates only the fields sent', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp({ description: 'keep' }));
      await expect(client.publicEvents.updatePublicEvent(id, { title: 'Moved' })).resolves.toBe(id);
      expect(await client.publicEvents.getPublicEvent(id)).toMatchObject({
        title: 'Moved',
        description: 'keep',
      });
    });

    it('deletes a public event, which then is unknown (-2)', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await client.publicEvents.deletePublicEvent(id);
      await expectCode(client.publicEvents.getPublicEvent(id), -2, 400);
      await expectCode(client.publicEvents.updatePublicEvent(id, { title: 'x' }), -2, 400);
      expect(await listIds()).not.toContain(id);
    });

    it('validates the event like a personal one (-2)', async () => {
      await expectCode(client.publicEvents.createPublicEvent(popUp({ title: '' })), -2, 400);
      await expectCode(
        client.publicEvents.createPublicEvent(
          popUp({ time: { start_at: '2030-04-12T01:03:00Z', end_at: '2030-04-12T02:00:00Z' } }),
        ),
        -2,
        400,
      );
      await expectCode(
        client.publicEvents.createPublicEvent(popUp({ reminders: [1, 2, 3] })),
        -2,
        400,
      );
    });

    it('applies the list window and limit rules (-2)', async () => {
      await expectCode(
        client.publicEvents.listPublicEvents({
          from: '2030-04-01T00:00:00Z',
          to: '2030-05-02T00:05:00Z',
        }),
        -2,
        400,
      );
      await expectCode(client.publicEvents.listPublicEvents({ ...WINDOW, limit: 99 }), -2, 400);
      await expectCode(client.publicEvents.listPublicEvents({ ...WINDOW, limit: 1001 }), -2, 400);
    });

    it('pages public events via after_url', async () => {
      const pagingApp = await harness.control.createApp({ name: 'paging' });
      const pagingClient = harness.clientFor(pagingApp);
      const created: string[] = [];
      for (let i = 0; i < 105; i += 1) {
        created.push(
          await pagingClient.publicEvents.createPublicEvent(
            popUp({ title: `Drop ${i}`, time: hoursFrom(`2030-04-0${1 + (i % 9)}T03:00:00Z`) }),
          ),
        );
      }
      const first = await pagingClient.publicEvents.listPublicEvents({ ...WINDOW, limit: 100 });
      expect(first.events).toHaveLength(100);
      expect(first.has_next).toBe(true);
      expect(first.after_url).toEqual(expect.any(String));
      const ids = new Set<string>();
      for await (const event of pagingClient.publicEvents.publicEvents({
        ...WINDOW,
        limit: 100,
      })) {
        ids.add(event.id);
      }
      expect(ids).toEqual(new Set(created));
    });
  });

  describe('channels (4.11, 2.4)', () => {
    it('requires channel_public_id when the app has several channels', async () => {
      const twoChannels = await harness.control.createApp({
        name: 'two channels',
        channels: [{ name: 'First' }, { name: 'Second' }],
      });
      const twoClient = harness.clientFor(twoChannels);
      await expectCode(twoClient.publicEvents.createPublicEvent(popUp()), -2, 400);
      const id = await twoClient.publicEvents.createPublicEvent(popUp(), {
        channelPublicId: twoChannels.channels[1].channel_public_id,
      });
      expect(id).toEqual(expect.any(String));
    });

    it('rejects a channel not connected to the app with -2', async () => {
      const other = await harness.control.createApp({ name: 'other' });
      await expectCode(
        client.publicEvents.createPublicEvent(popUp(), {
          channelPublicId: other.channels[0].channel_public_id,
        }),
        -2,
        400,
      );
    });

    it('answers -3 for an app without a connected channel', async () => {
      const lonely = await harness.control.createApp({ name: 'no channel', channels: [] });
      await expectCode(harness.clientFor(lonely).publicEvents.createPublicEvent(popUp()), -3, 403);
    });

    it('acts for another app with a per-call admin key', async () => {
      const other = await harness.control.createApp({ name: 'per-call key' });
      const id = await client.publicEvents.createPublicEvent(popUp(), {
        adminKey: other.admin_key,
      });
      // 9.3: the event exists but belongs to another app, so this app may not touch it.
      await expectCode(client.publicEvents.getPublicEvent(id), -6, 403);
      await expect(
        client.publicEvents.getPublicEvent(id, { adminKey: other.admin_key }),
      ).resolves.toMatchObject({ id });
    });
  });

  describe('credentials of admin APIs (2.6)', () => {
    it('answers -401 for a wrong admin key and for a REST API key sent as KakaoAK', async () => {
      for (const adminKey of ['not-a-key', app.rest_api_key]) {
        await expectCode(client.publicEvents.listPublicEvents(WINDOW, { adminKey }), -401, 401);
      }
    });
  });

  describe('sendBanner feature flag (11.6)', () => {
    it('leaves the banner out when turned off', async () => {
      const noBanner = harness.clientFor(app, { sendBanner: false });
      const id = await noBanner.publicEvents.createPublicEvent(
        popUp({ banner: { pc_image_url: 'https://cdn.example.com/pc.png' } }),
      );
      expect((await client.publicEvents.getPublicEvent(id)).banner).toBeUndefined();
    });
  });

  describe('upsertPublicEvent (4.14, 9.3)', () => {
    it('updates an existing event in place', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await expect(
        client.publicEvents.upsertPublicEvent({
          eventId: id,
          event: popUp({ title: 'Same id' }),
        }),
      ).resolves.toEqual({ eventId: id, created: false });
      expect((await client.publicEvents.getPublicEvent(id)).title).toBe('Same id');
    });

    it('recreates an event Kakao no longer has', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await client.publicEvents.deletePublicEvent(id);
      const result = await client.publicEvents.upsertPublicEvent({
        eventId: id,
        event: popUp({ title: 'Reborn' }),
      });
      expect(result.created).toBe(true);
      expect(result.eventId).not.toBe(id);
      expect((await client.publicEvents.getPublicEvent(result.eventId)).title).toBe('Reborn');
    });

    it('does not recreate on invalid input', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await expectCode(
        client.publicEvents.upsertPublicEvent({ eventId: id, event: popUp({ title: '' }) }),
        -2,
        400,
      );
      expect((await listIds()).filter((listed) => listed === id)).toHaveLength(1);
    });
  });

  describe('4.16 follow', () => {
    let user: SandboxUser;

    beforeEach(async () => {
      user = await harness.control.createUser(app);
    });

    it("adds the event to the user's calendar as PUBLIC, idempotently", async () => {
      const id = await client.publicEvents.createPublicEvent(popUp({ title: 'Follow me' }));
      await client.publicEvents.followPublicEvent(user.access_token, id);
      await client.publicEvents.followPublicEvent(user.access_token, id);
      const page = await client.calendar.listEvents(user.access_token, WINDOW);
      const followed = page.events.filter((event) => event.id === id);
      expect(followed).toEqual([
        expect.objectContaining({ id, title: 'Follow me', type: 'PUBLIC', is_host: false }),
      ]);
      expect(await client.calendar.getEvent(user.access_token, id)).toMatchObject({
        id,
        type: 'PUBLIC',
      });
    });

    it('shows updates to followers and removes deleted events from their calendars', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await client.publicEvents.followPublicEvent(user.access_token, id);
      await client.publicEvents.updatePublicEvent(id, { title: 'Updated for followers' });
      expect((await client.calendar.getEvent(user.access_token, id)).title).toBe(
        'Updated for followers',
      );
      await client.publicEvents.deletePublicEvent(id);
      const page = await client.calendar.listEvents(user.access_token, WINDOW);
      expect(page.events.map((event) => event.id)).not.toContain(id);
    });

    it('answers -2 for an unknown event', async () => {
      await expectCode(client.publicEvents.followPublicEvent(user.access_token, 'nope'), -2, 400);
    });

    it('refuses to let a follower edit the public event with -6', async () => {
      const id = await client.publicEvents.createPublicEvent(popUp());
      await client.publicEvents.followPublicEvent(user.access_token, id);
      await expectCode(
        client.calendar.updateEvent(user.access_token, id, { title: 'Hijack' }),
        -6,
        403,
      );
    });
  });
});
