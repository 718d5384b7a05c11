import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';

import { auditCampaign, type CampaignActor } from './campaign-actor';
import { type CampaignSnapshot } from './campaign-content';
import { type CampaignListFilter } from './campaign-list.filter';
import { type CampaignRevisionEntity } from './campaign-revision.entity';
import { CampaignRevisionRepository } from './campaign-revision.repository';
import {
  applySnapshot,
  diffSnapshots,
  type FieldChange,
  keepSameInstants,
  normalizeContent,
  normalizeTags,
  normalizeTarget,
  onlyInternalChanges,
  snapshotOf,
} from './campaign-snapshot';
import { LIMITS, snapshotErrors } from './campaign-validation';
import { type CreateCampaignDto, type UpdateCampaignDto } from './campaign.dto';
import { CampaignEntity } from './campaign.entity';
import { ApprovalState, SyncState } from './campaign.enums';
import { CampaignErrorCode, CampaignException } from './campaign.exception';
import { CampaignRepository } from './campaign.repository';
import { toCampaignResponse } from './campaign.response';

export function assertValid(snapshot: CampaignSnapshot): void {
  const errors = snapshotErrors(snapshot);
  const fields = Object.keys(errors);
  if (fields.length > 0) {
    throw new CampaignException(
      CampaignErrorCode.Invalid,
      `Invalid campaign: ${fields.map((field) => `${field} ${errors[field]}`).join('; ')}`,
      errors,
    );
  }
}

/** "<name> (copy)", shortened so it stays within the name limit. */
export function copyName(name: string, suffix = ' (copy)'): string {
  const characters = [...name.trim()];
  const room = LIMITS.nameMax - [...suffix].length;
  return `${characters.slice(0, room).join('').trimEnd()}${suffix}`;
}

/** Drafts: create, edit with optimistic concurrency, revisions, diff and restore. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly revisions: CampaignRevisionRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** One page of the channel's campaigns; a bad filter answers 400 naming `filter.<key>`. */
  list(channelId: string, query: ListQuery<CampaignListFilter>): Promise<Page<CampaignEntity>> {
    return this.campaigns.list(channelId, query.filter, query);
  }

  async get(channelId: string, id: string): Promise<CampaignEntity> {
    const campaign = await this.campaigns.findInChannel(channelId, id);
    if (!campaign) {
      throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
    }
    return campaign;
  }

  async create(actor: CampaignActor, input: CreateCampaignDto): Promise<CampaignEntity> {
    const snapshot: CampaignSnapshot = {
      name: input.name,
      tags: normalizeTags(input.tags),
      target: normalizeTarget(input.target),
      content: normalizeContent(input.content),
    };
    if (input.notes) {
      snapshot.notes = input.notes;
    }
    assertValid(snapshot);
    return this.insertDraft(actor, snapshot, null);
  }

  /**
   * A new draft with the content of another campaign of the channel (its current revision),
   * named `name` or "<name> (copy)"; approval and Kakao state start over.
   */
  async duplicate(
    actor: CampaignActor,
    id: string,
    input: { name?: string },
  ): Promise<CampaignEntity> {
    const source = await this.get(actor.channelId, id);
    const snapshot = structuredClone(snapshotOf(source));
    snapshot.name = input.name ?? copyName(snapshot.name);
    assertValid(snapshot);
    return this.insertDraft(actor, snapshot, source.id);
  }

  private insertDraft(
    actor: CampaignActor,
    snapshot: CampaignSnapshot,
    duplicatedFrom: string | null,
  ): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const campaign = manager.create(CampaignEntity, {
        channelId: actor.channelId,
        ownerId: actor.userId,
        revision: 1,
        approvalState: ApprovalState.Draft,
        syncState: SyncState.Draft,
      });
      applySnapshot(campaign, snapshot);
      const saved = await this.campaigns.save(manager, campaign);
      await this.revisions.add(manager, {
        campaignId: saved.id,
        revision: 1,
        snapshot,
        authorId: actor.userId,
        reason: 'create',
      });
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.create',
        saved.id,
        null,
        duplicatedFrom === null
          ? toCampaignResponse(saved)
          : { ...toCampaignResponse(saved), duplicatedFrom },
      );
      return saved;
    });
  }

  /** A save: a new revision, refused with 409 and the current record when `version` is stale. */
  async update(
    actor: CampaignActor,
    id: string,
    input: UpdateCampaignDto,
  ): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const campaign = await this.lockForChange(manager, actor.channelId, id);
      if (campaign.version !== input.version) {
        throw this.versionConflict(campaign, input.version);
      }
      const current = snapshotOf(campaign);
      const next: CampaignSnapshot = {
        name: input.name ?? current.name,
        tags: input.tags !== undefined ? normalizeTags(input.tags) : current.tags,
        target: input.target !== undefined ? normalizeTarget(input.target) : current.target,
        content:
          input.content !== undefined
            ? keepSameInstants(current.content, normalizeContent(input.content))
            : current.content,
      };
      const notes = input.notes !== undefined ? input.notes : current.notes;
      if (notes) {
        next.notes = notes;
      }
      assertValid(next);
      if (diffSnapshots(current, next).length === 0) {
        return campaign;
      }
      return this.writeRevision(manager, actor, campaign, next, 'update');
    });
  }

  async archive(actor: CampaignActor, id: string): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const campaign = await this.lockForChange(manager, actor.channelId, id);
      if (campaign.kakaoEventId !== null || campaign.syncState === SyncState.Publishing) {
        throw new CampaignException(
          CampaignErrorCode.PublishedCannotArchive,
          'Unpublish the campaign before archiving it',
        );
      }
      const before = toCampaignResponse(campaign);
      campaign.archivedAt = new Date();
      const saved = await this.campaigns.save(manager, campaign);
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.archive',
        id,
        before,
        toCampaignResponse(saved),
      );
      return saved;
    });
  }

  /** Brings an archived campaign back as it was, with its revisions and approval. */
  async unarchive(actor: CampaignActor, id: string): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const campaign = await this.campaigns.lockInChannel(manager, actor.channelId, id);
      if (!campaign) {
        throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
      }
      if (campaign.archivedAt === null) {
        return campaign;
      }
      const before = toCampaignResponse(campaign);
      campaign.archivedAt = null;
      const saved = await this.campaigns.save(manager, campaign);
      await auditCampaign(
        this.audit,
        manager,
        actor,
        'campaign.unarchive',
        id,
        before,
        toCampaignResponse(saved),
      );
      return saved;
    });
  }

  async listRevisions(channelId: string, id: string): Promise<CampaignRevisionEntity[]> {
    await this.get(channelId, id);
    return this.revisions.list(id);
  }

  async getRevision(
    channelId: string,
    id: string,
    revision: number,
  ): Promise<CampaignRevisionEntity> {
    await this.get(channelId, id);
    const found = await this.revisions.get(id, revision);
    if (!found) {
      throw new CampaignException(
        CampaignErrorCode.RevisionNotFound,
        `Campaign ${id} has no revision ${revision}`,
      );
    }
    return found;
  }

  async diffRevisions(
    channelId: string,
    id: string,
    from: number,
    to: number,
  ): Promise<FieldChange[]> {
    const [a, b] = await Promise.all([
      this.getRevision(channelId, id, from),
      this.getRevision(channelId, id, to),
    ]);
    return diffSnapshots(a.snapshot, b.snapshot);
  }

  /** Restoring writes the old snapshot as a new revision; history is never rewritten. */
  async restore(
    actor: CampaignActor,
    id: string,
    revision: number,
    expectedVersion?: number,
  ): Promise<CampaignEntity> {
    return this.transactions.run(async (manager) => {
      const campaign = await this.lockForChange(manager, actor.channelId, id);
      if (expectedVersion !== undefined && campaign.version !== expectedVersion) {
        throw this.versionConflict(campaign, expectedVersion);
      }
      const old = await this.revisions.get(id, revision, manager);
      if (!old) {
        throw new CampaignException(
          CampaignErrorCode.RevisionNotFound,
          `Campaign ${id} has no revision ${revision}`,
        );
      }
      assertValid(old.snapshot);
      return this.writeRevision(manager, actor, campaign, old.snapshot, `restore:${revision}`);
    });
  }

  private async lockForChange(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<CampaignEntity> {
    const campaign = await this.campaigns.lockInChannel(manager, channelId, id);
    if (!campaign) {
      throw new CampaignException(CampaignErrorCode.NotFound, `Campaign ${id} not found`);
    }
    if (campaign.archivedAt !== null) {
      throw new CampaignException(CampaignErrorCode.Archived, 'The campaign is archived');
    }
    return campaign;
  }

  private versionConflict(campaign: CampaignEntity, sent: number): CampaignException {
    return new CampaignException(
      CampaignErrorCode.VersionConflict,
      `The campaign was changed by someone else (your version ${sent}, current ${campaign.version}); reload and apply your changes again`,
      { version: 'is stale' },
      { current: toCampaignResponse(campaign) },
    );
  }

  private async writeRevision(
    manager: EntityManager,
    actor: CampaignActor,
    campaign: CampaignEntity,
    snapshot: CampaignSnapshot,
    reason: string,
  ): Promise<CampaignEntity> {
    const before = toCampaignResponse(campaign);
    const internalOnly = onlyInternalChanges(diffSnapshots(snapshotOf(campaign), snapshot));
    const previous = campaign.revision;
    applySnapshot(campaign, snapshot);
    campaign.revision += 1;
    if (internalOnly) {
      // Name, tags and notes never reach Kakao nor the approval: what was submitted, approved
      // or published as the previous revision is this revision too.
      const carried = (pointer: number | null): number | null =>
        pointer === previous ? campaign.revision : pointer;
      campaign.submittedRevision = carried(campaign.submittedRevision);
      campaign.approvedRevision = carried(campaign.approvedRevision);
      campaign.publishedRevision = carried(campaign.publishedRevision);
    } else {
      // A new revision needs a new approval; the published one stays live until republished.
      if (campaign.approvalState !== ApprovalState.Draft) {
        campaign.approvalState = ApprovalState.Draft;
        campaign.submittedRevision = null;
      }
      if (campaign.syncState === SyncState.Published) {
        campaign.syncState = SyncState.ChangedSincePublish;
      }
    }
    const saved = await this.campaigns.save(manager, campaign);
    await this.revisions.add(manager, {
      campaignId: saved.id,
      revision: saved.revision,
      snapshot,
      authorId: actor.userId,
      reason,
    });
    await auditCampaign(
      this.audit,
      manager,
      actor,
      `campaign.${reason.split(':')[0]}`,
      saved.id,
      before,
      toCampaignResponse(saved),
    );
    return saved;
  }
}
