import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import {
  ApprovalDecisionDto,
  CAMPAIGN_SORTABLE,
  CampaignApprovalService,
  CampaignKakaoCopyService,
  CampaignListFilter,
  CampaignPublishingService,
  type CampaignResponse,
  CampaignSchedulerService,
  CampaignsService,
  CreateCampaignDto,
  DuplicateCampaignDto,
  type FieldChange,
  type KakaoCopy,
  RestoreRevisionDto,
  toCampaignResponse,
  UpdateCampaignDto,
} from '@app/campaigns';
import {
  type HeaderReply,
  type ListQuery,
  ListQueryParams,
  listReply,
  PositiveIntPipe,
  UuidPipe,
} from '@app/common';

const LIST_RULES = {
  sortable: CAMPAIGN_SORTABLE,
  defaultSort: { field: 'updatedAt', order: 'DESC' as const },
  maxPageSize: 500,
};

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly approvals: CampaignApprovalService,
    private readonly publishing: CampaignPublishingService,
    private readonly kakaoCopy: CampaignKakaoCopyService,
    private readonly scheduler: CampaignSchedulerService,
  ) {}

  @Get()
  @RequirePermission(Permission.CampaignRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(CampaignListFilter, LIST_RULES) query: ListQuery<CampaignListFilter>,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<CampaignResponse[]> {
    const page = await this.campaigns.list(actor.channelId, query);
    return listReply(reply, 'campaigns', query, page.items.map(toCampaignResponse), page.total);
  }

  @Post('reconcile')
  @HttpCode(202)
  @RequirePermission(Permission.CampaignPublish)
  async reconcile(@RequestActor() actor: ChannelActor): Promise<{ queued: true }> {
    await this.scheduler.requestReconcile(actor.channelId);
    return { queued: true };
  }

  @Get(':id')
  @RequirePermission(Permission.CampaignRead)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.get(actor.channelId, id));
  }

  @Post()
  @RequirePermission(Permission.CampaignWrite)
  async create(
    @RequestActor() actor: ChannelActor,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.create(actor, body));
  }

  /** A new draft with the campaign's content (any state, archived too). */
  @Post(':id/duplicate')
  @RequirePermission(Permission.CampaignWrite)
  async duplicate(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: DuplicateCampaignDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.duplicate(actor, id, body));
  }

  @Put(':id')
  @RequirePermission(Permission.CampaignWrite)
  async update(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.update(actor, id, body));
  }

  @Delete(':id')
  @RequirePermission(Permission.CampaignWrite)
  async archive(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.archive(actor, id));
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  @RequirePermission(Permission.CampaignWrite)
  async unarchive(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.unarchive(actor, id));
  }

  @Get(':id/revisions')
  @RequirePermission(Permission.CampaignRead)
  async revisions(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object[]> {
    const revisions = await this.campaigns.listRevisions(actor.channelId, id);
    return revisions.map((revision) => ({
      id: `${id}:${revision.revision}`,
      revision: revision.revision,
      reason: revision.reason,
      authorId: revision.authorId,
      createdAt: revision.createdAt.toISOString(),
      snapshot: revision.snapshot,
    }));
  }

  @Get(':id/diff')
  @RequirePermission(Permission.CampaignRead)
  diff(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Query('from', PositiveIntPipe) from: number,
    @Query('to', PositiveIntPipe) to: number,
  ): Promise<FieldChange[]> {
    return this.campaigns.diffRevisions(actor.channelId, id, from, to);
  }

  @Post(':id/restore/:revision')
  @RequirePermission(Permission.CampaignWrite)
  async restore(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Param('revision', PositiveIntPipe) revision: number,
    @Body() body: RestoreRevisionDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.campaigns.restore(actor, id, revision, body.version));
  }

  @Get(':id/approvals')
  @RequirePermission(Permission.CampaignRead)
  async approvalHistory(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<object[]> {
    await this.campaigns.get(actor.channelId, id);
    return (await this.approvals.history(id)).map((row) => ({
      id: row.id,
      revision: row.revision,
      decision: row.decision,
      actorId: row.actorId,
      comment: row.comment,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.CampaignSubmit)
  async submit(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: ApprovalDecisionDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.approvals.submit(actor, id, body.comment));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.CampaignApprove)
  async approve(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: ApprovalDecisionDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.approvals.approve(actor, id, body.comment));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.CampaignApprove)
  async reject(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Body() body: ApprovalDecisionDto,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.approvals.reject(actor, id, body.comment));
  }

  @Post(':id/publish')
  @HttpCode(202)
  @RequirePermission(Permission.CampaignPublish)
  async publish(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.publishing.requestPublish(actor, id));
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @RequirePermission(Permission.CampaignUnpublish)
  async unpublish(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<CampaignResponse> {
    return toCampaignResponse(await this.publishing.requestUnpublish(actor, id));
  }

  @Get(':id/kakao')
  @RequirePermission(Permission.CampaignRead)
  kakao(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<KakaoCopy> {
    return this.kakaoCopy.compare(actor.channelId, id);
  }
}
