import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  AUDIENCE_LIST_RULES,
  AUDIENCE_MEMBER_LIST_RULES,
  type AudienceListItem,
  AudienceListFilter,
  AudienceMemberListFilter,
  AudienceMembersDto,
  type AudienceMembersResult,
  type AudiencePreview,
  type AudienceResponse,
  AudiencesService,
  type AudienceSize,
  CreateAudienceDto,
  PreviewAudienceDto,
  toAudienceResponse,
  UpdateAudienceDto,
} from '@app/audiences';
import { contentRange, type ListQuery, ListQueryParams, UuidPipe } from '@app/common';
import {
  readCsvUpload,
  type RecipientImportResponse,
  type RecipientResponse,
  toRecipientImportResponse,
  toRecipientResponse,
} from '@app/recipients';

/** Audiences of the current channel: dynamic segments and static lists. */
@ApiTags('audiences')
@Controller('audiences')
export class AudiencesController {
  constructor(private readonly audiences: AudiencesService) {}

  @Get()
  @RequirePermission(Permission.AudienceRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(AudienceListFilter, AUDIENCE_LIST_RULES) query: ListQuery<AudienceListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AudienceListItem[]> {
    const page = await this.audiences.list(actor.channelId, query);
    const sizes = await this.audiences.sizes(
      actor.channelId,
      page.items.map((audience) => audience.id),
    );
    reply.header('Content-Range', contentRange('audiences', query, page.total));
    return page.items.map((audience) => ({
      ...toAudienceResponse(audience),
      size: sizes.get(audience.id) ?? null,
    }));
  }

  /** Live size of unsaved rules: `{ count, matching, sample }`. */
  @Post('preview')
  @HttpCode(200)
  @RequirePermission(Permission.AudienceRead)
  preview(
    @RequestActor() actor: ChannelActor,
    @Body() body: PreviewAudienceDto,
  ): Promise<AudiencePreview> {
    return this.audiences.preview(actor.channelId, body);
  }

  @Post()
  @RequirePermission(Permission.AudienceManage)
  async create(
    @RequestActor() actor: ChannelActor,
    @Body() body: CreateAudienceDto,
  ): Promise<AudienceResponse> {
    return toAudienceResponse(await this.audiences.create(actor, body));
  }

  @Get(':id')
  @RequirePermission(Permission.AudienceRead)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<AudienceResponse> {
    return toAudienceResponse(await this.audiences.get(actor.channelId, id));
  }

  @Get(':id/size')
  @RequirePermission(Permission.AudienceRead)
  size(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<AudienceSize> {
    return this.audiences.size(actor.channelId, id);
  }

  /**
   * Who is in the audience now (static members or whoever the rules match), any consent; it
   * lists recipients, so it takes their read permission.
   */
  @Get(':id/members')
  @RequirePermission(Permission.RecipientRead)
  async members(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @ListQueryParams(AudienceMemberListFilter, AUDIENCE_MEMBER_LIST_RULES)
    query: ListQuery<AudienceMemberListFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecipientResponse[]> {
    const page = await this.audiences.members(actor.channelId, id, query);
    reply.header('Content-Range', contentRange('recipients', query, page.total));
    return page.items.map(toRecipientResponse);
  }

  @Put(':id')
  @RequirePermission(Permission.AudienceManage)
  async update(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateAudienceDto,
  ): Promise<AudienceResponse> {
    return toAudienceResponse(await this.audiences.update(actor, id, body));
  }

  /** Archives it; refused (409) while another audience excludes it. */
  @Delete(':id')
  @RequirePermission(Permission.AudienceManage)
  async remove(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<AudienceResponse> {
    return toAudienceResponse(await this.audiences.remove(actor, id));
  }

  /** Static lists: adds recipients by id or Kakao user id. */
  @Post(':id/members')
  @HttpCode(200)
  @RequirePermission(Permission.AudienceManage)
  addMembers(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: AudienceMembersDto,
  ): Promise<AudienceMembersResult> {
    return this.audiences.addMembers(actor, id, body);
  }

  @Post(':id/members/remove')
  @HttpCode(200)
  @RequirePermission(Permission.AudienceManage)
  removeMembers(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: AudienceMembersDto,
  ): Promise<AudienceMembersResult> {
    return this.audiences.removeMembers(actor, id, body);
  }

  /**
   * Static lists: a CSV with a `kakao_user_id` column (multipart or text/csv), streamed like
   * recipient imports; progress and report at `/api/recipients/imports/:importId`.
   */
  @Post(':id/imports')
  @HttpCode(202)
  @RequirePermission(Permission.AudienceManage)
  async importMembers(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecipientImportResponse> {
    const upload = await readCsvUpload(request);
    return toRecipientImportResponse(
      await this.audiences.importMembers(actor, id, upload.file, upload.fileName),
    );
  }
}
