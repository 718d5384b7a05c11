import { request } from 'undici';

import { type Friend, type KakaoClient } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('makes friendships and channel relations through the control API');

describeContract('friends, channel relationship and user info', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());

  describe('5.5 friends list', () => {
    let me: SandboxUser;
    let friends: SandboxUser[];

    beforeAll(async () => {
      me = await harness.control.createUser(app, { nickname: 'Me' });
      friends = [];
      for (const nickname of ['Ara', 'Bora', 'Chan', 'Dami', 'Eun']) {
        const friend = await harness.control.createUser(app, { nickname });
        await harness.control.befriend(app, me, friend);
        friends.push(friend);
      }
    });

    it('answers a page with counts and the friend shape', async () => {
      const page = await client.friends.listFriends(me.access_token, {
        limit: 2,
        friend_order: 'nickname',
      });
      expect(page.total_count).toBe(5);
      expect(page.favorite_count).toEqual(expect.any(Number));
      expect(page.elements).toHaveLength(2);
      expect(page.elements[0]).toEqual(
        expect.objectContaining<Partial<Friend>>({
          id: expect.any(Number) as number,
          uuid: expect.any(String) as string,
          profile_nickname: expect.any(String) as string,
          favorite: expect.any(Boolean) as boolean,
          allowed_msg: expect.any(Boolean) as boolean,
        }),
      );
      expect(page.after_url).toEqual(expect.stringContaining('/v1/api/talk/friends?'));
    });

    it("answers each friend's profile_thumbnail_image, which the friends consent covers", async () => {
      const page = await client.friends.listFriends(me.access_token, { limit: 100 });
      expect(page.elements).toHaveLength(friends.length);
      for (const friend of page.elements) {
        expect(friend.profile_thumbnail_image).toEqual(expect.stringMatching(/^https?:\/\/\S+$/));
      }
    });

    it('pages through every friend via after_url', async () => {
      const uuids: string[] = [];
      for await (const friend of client.friends.friends(me.access_token, { limit: 2 })) {
        uuids.push(friend.uuid);
      }
      expect(uuids.sort()).toEqual(friends.map((f) => f.uuid).sort());
    });

    it('orders by nickname ascending and descending', async () => {
      const asc = await client.friends.listFriends(me.access_token, {
        friend_order: 'nickname',
        order: 'asc',
        limit: 100,
      });
      const desc = await client.friends.listFriends(me.access_token, {
        friend_order: 'nickname',
        order: 'desc',
        limit: 100,
      });
      expect(asc.elements.map((f) => f.profile_nickname)).toEqual([
        'Ara',
        'Bora',
        'Chan',
        'Dami',
        'Eun',
      ]);
      expect(desc.elements.map((f) => f.profile_nickname)).toEqual([
        'Eun',
        'Dami',
        'Chan',
        'Bora',
        'Ara',
      ]);
    });

    it('lists only team members, to team members only, without the Social permission', async () => {
      const closed = await harness.control.createApp({
        name: 'no social permission',
        permissions: { message: false },
      });
      const closedClient = harness.clientFor(closed);
      const member = await harness.control.createUser(closed, { team_member: true });
      const teammate = await harness.control.createUser(closed, { team_member: true });
      const outsider = await harness.control.createUser(closed, { team_member: false });
      await harness.control.befriend(closed, member, teammate);
      await harness.control.befriend(closed, member, outsider);
      const page = await closedClient.friends.listFriends(member.access_token);
      expect(page.elements.map((friend) => friend.uuid)).toEqual([teammate.uuid]);
      await expectCode(closedClient.friends.listFriends(outsider.access_token), -5, 403);
    });

    it('needs the friends consent (-402)', async () => {
      const user = await harness.control.createUser(app, { scopes: ['talk_message'] });
      const error = await expectCode(client.friends.listFriends(user.access_token), -402, 403);
      expect(error.requiredScopes).toEqual(['friends']);
    });
  });

  describe('5.6 channel relationship', () => {
    it("answers the user's relation to the app's channels", async () => {
      const user = await harness.control.createUser(app);
      const relations = await client.channels.getChannelRelations(user.access_token);
      expect(relations.user_id).toBe(user.user_id);
      expect(relations.channels).toEqual([
        expect.objectContaining({
          channel_public_id: app.channels[0].channel_public_id,
          relation: expect.stringMatching(/^(ADDED|BLOCKED|NONE)$/),
        }),
      ]);
    });

    it('reports ADDED and BLOCKED relations', async () => {
      const user = await harness.control.createUser(app);
      const channel = app.channels[0].channel_public_id;
      await harness.control.setChannelRelation(user, channel, 'ADDED');
      await expect(client.channels.getChannelRelations(user.access_token)).resolves.toMatchObject({
        channels: [{ channel_public_id: channel, relation: 'ADDED' }],
      });
      await harness.control.setChannelRelation(user, channel, 'BLOCKED');
      await expect(
        client.channels.getChannelRelationsOfUser(user.user_id, { channelPublicIds: [channel] }),
      ).resolves.toMatchObject({
        channels: [{ channel_public_id: channel, relation: 'BLOCKED' }],
      });
    });

    it('needs the plusfriends consent (-402)', async () => {
      const user = await harness.control.createUser(app, { scopes: ['talk_message'] });
      const error = await expectCode(
        client.channels.getChannelRelations(user.access_token),
        -402,
        403,
      );
      expect(error.requiredScopes).toEqual(['plusfriends']);
    });

    it('answers the same with the admin key for a user id', async () => {
      const user = await harness.control.createUser(app);
      const relations = await client.channels.getChannelRelationsOfUser(user.user_id, {
        channelPublicIds: [app.channels[0].channel_public_id],
      });
      expect(relations).toMatchObject({
        user_id: user.user_id,
        channels: [{ channel_public_id: app.channels[0].channel_public_id }],
      });
    });

    it('answers -541 for an unknown channel and -819 for a channel of another app', async () => {
      const user = await harness.control.createUser(app);
      await expectCode(
        client.channels.getChannelRelations(user.access_token, { channelPublicIds: ['_nope'] }),
        -541,
        400,
      );
      const other = await harness.control.createApp({ name: 'other' });
      await expectCode(
        client.channels.getChannelRelations(user.access_token, {
          channelPublicIds: [other.channels[0].channel_public_id],
        }),
        -819,
        400,
      );
    });
  });

  describe('user info (2.6, 2.7)', () => {
    /** `/v2/user/me` with a query the typed client would never send. */
    async function userMe(
      user: SandboxUser,
      query: string,
    ): Promise<{ status: number; body: unknown }> {
      const response = await request(`${harness.apiBaseUrl}/v2/user/me?${query}`, {
        headers: { authorization: `Bearer ${user.access_token}` },
      });
      return { status: response.statusCode, body: await response.body.json() };
    }

    it('answers /v2/user/me for the token', async () => {
      const user = await harness.control.createUser(app, { nickname: '민지' });
      const me = await client.users.getMe(user.access_token);
      expect(me.id).toBe(user.user_id);
      expect(me.properties?.nickname ?? me.kakao_account?.profile?.nickname).toBe('민지');
    });

    it('answers http image URLs by default and https ones with secure_resource=true', async () => {
      const user = await harness.control.createUser(app, {
        scopes: ['profile_nickname', 'profile_image'],
      });
      const plain = await client.users.getMe(user.access_token);
      const secure = await client.users.getMe(user.access_token, { secureResource: true });
      const urls = (me: typeof plain): (string | undefined)[] => [
        me.properties?.profile_image,
        me.properties?.thumbnail_image,
        me.kakao_account?.profile?.profile_image_url,
        me.kakao_account?.profile?.thumbnail_image_url,
      ];
      expect(urls(plain)).toEqual(Array(4).fill(expect.stringMatching(/^http:\/\//)));
      expect(urls(secure)).toEqual(Array(4).fill(expect.stringMatching(/^https:\/\//)));
      await expect(
        client.users.getUser(user.user_id, { secureResource: true }),
      ).resolves.toMatchObject({
        properties: { profile_image: expect.stringMatching(/^https:\/\//) as string },
      });
    });

    it('answers -2 for a secure_resource that is not true or false', async () => {
      const user = await harness.control.createUser(app);
      await expect(userMe(user, 'secure_resource=yes')).resolves.toMatchObject({
        status: 400,
        body: { code: -2 },
      });
    });

    it('narrows /v2/user/me to the property_keys asked for', async () => {
      const user = await harness.control.createUser(app, {
        scopes: ['profile_nickname', 'profile_image'],
      });
      const me = await client.users.getMe(user.access_token, {
        propertyKeys: ['properties.nickname'],
      });
      expect(me).toEqual({
        id: user.user_id,
        connected_at: expect.any(String) as string,
        properties: { nickname: expect.any(String) as string },
      });
      await expect(userMe(user, 'property_keys=nickname')).resolves.toMatchObject({
        status: 400,
        body: { code: -2 },
      });
    });

    it('takes property_keys as an array in a tolerated JSON body (1.1)', async () => {
      const user = await harness.control.createUser(app);
      const response = await request(`${harness.apiBaseUrl}/v2/user/me`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ property_keys: ['properties.nickname'] }),
      });
      expect(response.statusCode).toBe(200);
      expect(await response.body.json()).toEqual({
        id: user.user_id,
        connected_at: expect.any(String) as string,
        properties: { nickname: expect.any(String) as string },
      });
    });

    it('answers /v2/user/me for a user id with the admin key', async () => {
      const user = await harness.control.createUser(app, { nickname: 'Admin view' });
      await expect(client.users.getUser(user.user_id)).resolves.toMatchObject({
        id: user.user_id,
      });
    });

    it('unlinks a user with their token; the token then stops working', async () => {
      const user = await harness.control.createUser(app);
      await expect(client.users.unlink(user.access_token)).resolves.toEqual({ id: user.user_id });
      await expectCode(client.users.getMe(user.access_token), -401, 401);
    });

    it('unlinks a user by id with the admin key', async () => {
      const user = await harness.control.createUser(app);
      await expect(client.users.unlinkUser(user.user_id)).resolves.toEqual({ id: user.user_id });
      await expectCode(client.users.getMe(user.access_token), -401, 401);
    });

    it('answers -101 to admin-key calls about a user no longer linked', async () => {
      const user = await harness.control.createUser(app);
      await client.users.unlinkUser(user.user_id);
      await expectCode(client.users.getUser(user.user_id), -101, 400);
      await expectCode(client.users.unlinkUser(user.user_id), -101, 400);
      await expectCode(client.channels.getChannelRelationsOfUser(user.user_id), -101, 400);
    });

    it('answers the access token info', async () => {
      const user = await harness.control.createUser(app);
      const info = await client.users.getAccessTokenInfo(user.access_token);
      expect(info).toEqual({
        id: user.user_id,
        app_id: app.app_id,
        expires_in: expect.any(Number) as number,
      });
      expect(info.expires_in).toBeGreaterThan(0);
      expect(info.expires_in).toBeLessThanOrEqual(user.expires_in);
    });
  });
});
