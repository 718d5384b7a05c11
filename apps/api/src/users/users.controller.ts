import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import {
  type ChannelActor,
  CurrentChannel,
  type CurrentChannelAccess,
  CurrentUser,
  Permission,
  RequestActor,
  RequirePermission,
} from '@app/access';
import {
  type AuthenticatedUser,
  CreateUserDto,
  toUserResponse,
  UpdateUserDto,
  USER_LIST_RULES,
  userAdminScope,
  UserListFilter,
  type UserResponse,
  UsersService,
} from '@app/accounts';
import { contentRange, type ListQuery, ListQueryParams, UuidPipe } from '@app/common';

/** Users of the current channel; admins change them, managers read them. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UserRead)
  async list(
    @CurrentUser() caller: AuthenticatedUser,
    @CurrentChannel() channel: CurrentChannelAccess,
    @ListQueryParams(UserListFilter, USER_LIST_RULES) query: ListQuery<UserListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponse[]> {
    const page = await this.users.list(userAdminScope(caller, channel.id), query);
    reply.header('Content-Range', contentRange('users', query, page.total));
    return page.items.map((record) => toUserResponse(record, channel.id));
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  async get(
    @CurrentUser() caller: AuthenticatedUser,
    @CurrentChannel() channel: CurrentChannelAccess,
    @Param('id', UuidPipe) id: string,
  ): Promise<UserResponse> {
    const record = await this.users.get(userAdminScope(caller, channel.id), id);
    return toUserResponse(record, channel.id);
  }

  @Post()
  @RequirePermission(Permission.UserManage)
  async create(
    @CurrentUser() caller: AuthenticatedUser,
    @RequestActor() actor: ChannelActor,
    @Body() body: CreateUserDto,
  ): Promise<UserResponse> {
    const record = await this.users.create(userAdminScope(caller, actor.channelId), body, actor);
    return toUserResponse(record, actor.channelId);
  }

  /**
   * Display name, disabled, password reset and roles; `version` is required (409 when stale).
   * Name, disabled and password belong to the account: 403 unless the caller administers every
   * channel the user is in; one's own password needs `currentPassword`.
   */
  @Put(':id')
  @RequirePermission(Permission.UserManage)
  async update(
    @CurrentUser() caller: AuthenticatedUser,
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    const record = await this.users.update(
      userAdminScope(caller, actor.channelId),
      id,
      body,
      actor,
    );
    return toUserResponse(record, actor.channelId);
  }
}
