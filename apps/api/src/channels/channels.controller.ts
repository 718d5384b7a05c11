import { Body, Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import {
  Authenticated,
  type ChannelActor,
  CurrentChannel,
  type CurrentChannelAccess,
  CurrentUser,
  Permission,
  RequestActor,
  RequirePermission,
} from '@app/access';
import { type AuthenticatedUser, type Role } from '@app/accounts';
import {
  CHANNEL_LIST_RULES,
  ChannelKeyCheckService,
  ChannelListFilter,
  type ChannelResponse,
  ChannelsService,
  type KakaoKeysCheckResponse,
  toChannelResponse,
  UpdateChannelDto,
} from '@app/channels';
import { contentRange, type ListQuery, ListQueryParams } from '@app/common';

/** A channel with the caller's role in it. */
export type ChannelWithRoleResponse = ChannelResponse & { role: Role };

/**
 * The caller's channels. `/channels/:id` is scoped by the route: ids of channels the caller is
 * not a member of answer 404, whatever the X-Channel-Id header says.
 */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly keyCheck: ChannelKeyCheckService,
  ) {}

  @Get()
  @Authenticated()
  async list(
    @CurrentUser() caller: AuthenticatedUser,
    @ListQueryParams(ChannelListFilter, CHANNEL_LIST_RULES) query: ListQuery<ChannelListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChannelWithRoleResponse[]> {
    const roles = new Map(caller.channels.map((access) => [access.channelId, access.role]));
    const page = await this.channels.listAmong([...roles.keys()], query);
    reply.header('Content-Range', contentRange('channels', query, page.total));
    return page.items.flatMap((channel) => {
      const role = roles.get(channel.id);
      return role === undefined ? [] : [{ ...toChannelResponse(channel), role }];
    });
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @RequirePermission(Permission.ChannelRead, { channelParam: 'id' })
  async get(@CurrentChannel() channel: CurrentChannelAccess): Promise<ChannelWithRoleResponse> {
    return { ...toChannelResponse(await this.channels.get(channel.id)), role: channel.role };
  }

  /** Settings and write-only Kakao keys; `version` is required (409 when stale). */
  @Put(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  async update(
    @CurrentChannel() channel: CurrentChannelAccess,
    @RequestActor() actor: ChannelActor,
    @Body() body: UpdateChannelDto,
  ): Promise<ChannelWithRoleResponse> {
    const updated = await this.channels.update(channel.id, body, actor);
    return { ...toChannelResponse(updated), role: channel.role };
  }

  /**
   * One harmless Kakao call per saved key (today's holidays with the admin key, a token request
   * that must fail on the grant with the REST API key): whether Kakao takes each key.
   */
  @Post(':id/kakao-keys/test')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid' })
  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  testKakaoKeys(@CurrentChannel() channel: CurrentChannelAccess): Promise<KakaoKeysCheckResponse> {
    return this.keyCheck.check(channel.id);
  }
}
