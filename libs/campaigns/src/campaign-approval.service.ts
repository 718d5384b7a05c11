import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';

import { AuditService } from '@app/audit';
import { TransactionRunner } from '@app/database';

import { auditCampaign, type CampaignActor } from './campaign-actor';
import { CampaignApprovalEntity } from './campaign-approval.entity';
import { type CampaignEntity } from './campaign.entity';
import { ApprovalDecision, ApprovalState } from './campaign.enums';
import { CampaignErrorCode, CampaignException } from './campaign.exception';
import { CampaignRepository } from './campaign.repository';
import { toCampaignResponse } from './campaign.response';

const COMMENT_MAX = 2000;

const ACTION_OF: Record<ApprovalDecision, string> = {
  [ApprovalDecision.Submitted]: 'campaign.submit',
  [ApprovalDecision.Approved]: 'campaign.approve',
  [ApprovalDecision.Rejected]: 'campaign.reject',
  [ApprovalDecision.Imported]: 'campaign.import',
};

/** Submit, approve, reject: the manager's gate in front of publishing. */
@Injectable()
export class CampaignApprovalService {
  constructor(
    private readonly campaigns: CampaignRepository,
    @InjectRepository(CampaignApprovalEntity)
    private readonly approvals: Repository<CampaignApprovalEntity>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  history(campaignId: string): Promise<CampaignApprovalEntity[]> {
    return this.approvals.find({ where: { campaignId }, order: { id: 'DESC' } });
  }

  submit(actor: CampaignActor, id: string, comment?: string): Promise<CampaignEntity> {
    return this.decide(actor, id, ApprovalDecision.Submitted, comment, (campaign) => {
      if (
        campaign.approvalState !== ApprovalState.Draft &&
        campaign.approvalState !== ApprovalState.Rejected
      ) {
        throw this.wrongState(campaign, 'submit');
      }
      campaign.approvalState = ApprovalState.Submitted;
      campaign.submittedRevision = campaign.revision;
    });
  }

  approve(actor: CampaignActor, id: string, comment?: string): Promise<CampaignEntity> {
    return this.decide(actor, id, ApprovalDecision.Approved, comment, (campaign) => {
      if (
        campaign.approvalState !== ApprovalState.Submitted ||
        campaign.submittedRevision !== campaign.revision
      ) {
        throw this.wrongState(campaign, 'approve');
      }
      campaign.approvalState = ApprovalState.Approved;
      campaign.approvedRevision = campaign.revision;
    });
  }

  reject(actor: CampaignActor, id: string, comment?: string): Promise<CampaignEntity> {
    if (!comment?.trim()) {
      throw new CampaignException(CampaignErrorCode.Invalid, 'A rejection needs a comment', {
        comment: 'is required when rejecting',
      });
    }
    return this.decide(actor, id, ApprovalDecision.Rejected, comment, (campaign) => {
      if (campaign.approvalState !== ApprovalState.Submitted) {
        throw this.wrongState(campaign, 'reject');
      }
      campaign.approvalState = ApprovalState.Rejected;
    });
  }

  private wrongState(campaign: CampaignEntity, action: string): CampaignException {
    return new CampaignException(
      CampaignErrorCode.WrongApprovalState,
      `Cannot ${action} a campaign whose approval state is ${campaign.approvalState}`,
      undefined,
      { current: toCampaignResponse(campaign) },
    );
  }

  private decide(
    actor: CampaignActor,
    id: string,
    decision: ApprovalDecision,
    comment: string | undefined,
    change: (campaign: CampaignEntity) => void,
  ): Promise<CampaignEntity> {
    if (comment !== undefined && comment.length > COMMENT_MAX) {
      throw new CampaignException(CampaignErrorCode.Invalid, 'The comment is too long', {
        comment: `must be at most ${COMMENT_MAX} characters`,
      });
    }
    return this.transactions.run(async (manager: EntityManager) => {
      const campaign = await this.campaigns.lockInChannel(manager, actor.channelId, id);
      if (!campaign || campaign.archivedAt !== null) {
        throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
      }
      const before = toCampaignResponse(campaign);
      change(campaign);
      const saved = await this.campaigns.save(manager, campaign);
      await manager.getRepository(CampaignApprovalEntity).insert({
        campaignId: id,
        revision: saved.revision,
        decision,
        actorId: actor.userId,
        comment: comment?.trim() || null,
      });
      await auditCampaign(this.audit, manager, actor, ACTION_OF[decision], id, before, {
        ...toCampaignResponse(saved),
        comment: comment ?? null,
      });
      return saved;
    });
  }
}
