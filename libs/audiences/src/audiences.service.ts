import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { type AuditActor, AuditService } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import {
  ImportKind,
  RecipientImportsService,
  type RecipientEntity,
  type RecipientImportEntity,
  toRecipientResponse,
} from '@app/recipients';

import { type AudienceListFilter, type AudienceMemberListFilter } from './audience-list.filter';
import {
  type AudienceExclusions,
  type RuleGroup,
  validateExclusions,
  validateRuleGroup,
} from './audience-rules';
import {
  AudienceCompileError,
  type AudienceDefinition,
  compileAudience,
  SqlParams,
} from './audience-sql';
import {
  audienceAuditSnapshot,
  type AudienceMembersResult,
  type AudiencePreview,
  type AudienceSize,
} from './audience.dto';
import { AudienceEntity, AudienceKind } from './audience.entity';
import { AudienceRepository, type MembershipSql } from './audience.repository';
import {
  audienceNotFound,
  AudiencesErrorCode,
  AudiencesException,
  invalidRules,
} from './audiences.exception';

export interface CreateAudienceInput {
  name: string;
  description?: string | null;
  kind: AudienceKind;
  rules?: unknown;
  exclude?: unknown;
}

export interface UpdateAudienceInput {
  version: number;
  name?: string;
  description?: string | null;
  rules?: unknown;
  exclude?: unknown;
}

type ChannelActor = AuditActor & { channelId: string };

const SAMPLE_SIZE = 10;

/**
 * Audiences (segments) of a channel: dynamic rule trees compiled to one parameterized WHERE,
 * static member lists, exclusions; and the keyset pages the blast engine streams.
 */
@Injectable()
export class AudiencesService implements OnModuleInit {
  constructor(
    private readonly audiences: AudienceRepository,
    private readonly imports: RecipientImportsService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.imports.registerApplier(ImportKind.AudienceMembers, (manager, recipientImport) =>
      this.applyMemberImport(manager, recipientImport),
    );
  }

  /** The audience of the channel (archived ones too); 404 for unknown and foreign ids alike. */
  async get(channelId: string, id: string): Promise<AudienceEntity> {
    const audience = isUUID(id) ? await this.audiences.findOne(channelId, id) : null;
    if (!audience) {
      throw audienceNotFound(id);
    }
    return audience;
  }

  list(channelId: string, query: ListQuery<AudienceListFilter>): Promise<Page<AudienceEntity>> {
    return this.audiences.page(channelId, query.filter, query);
  }

  async create(actor: ChannelActor, input: CreateAudienceInput): Promise<AudienceEntity> {
    const { rules, exclude } = this.checkDefinition(input.kind, input.rules, input.exclude, true);
    return this.transactions.run(async (manager) => {
      const audience = manager.create(AudienceEntity, {
        channelId: actor.channelId,
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        rules,
        exclude,
        createdBy: actor.userId,
        archivedAt: null,
      });
      await this.checkExclusions(manager, actor.channelId, null, audience, exclude);
      const saved = await this.save(manager, audience);
      await this.audit.record(manager, {
        actor,
        action: 'audience.create',
        entityType: 'audience',
        entityId: saved.id,
        after: audienceAuditSnapshot(saved),
      });
      return saved;
    });
  }

  async update(
    actor: ChannelActor,
    id: string,
    input: UpdateAudienceInput,
  ): Promise<AudienceEntity> {
    return this.transactions.run(async (manager) => {
      const audience = await this.audiences.lockForUpdate(manager, actor.channelId, id);
      if (!audience || audience.archivedAt !== null) {
        throw audienceNotFound(id);
      }
      if (audience.version !== input.version) {
        throw new AudiencesException(
          AudiencesErrorCode.VersionConflict,
          `Audience ${id} was changed by someone else (version ${audience.version}, you sent ${input.version})`,
          undefined,
          { currentVersion: audience.version },
        );
      }
      const before = audienceAuditSnapshot(audience);
      const { rules, exclude } = this.checkDefinition(
        audience.kind,
        input.rules === undefined ? audience.rules : input.rules,
        input.exclude === undefined ? audience.exclude : input.exclude,
        false,
      );
      audience.rules = rules;
      audience.exclude = exclude;
      if (input.name !== undefined) {
        audience.name = input.name;
      }
      if (input.description !== undefined) {
        audience.description = input.description;
      }
      await this.checkExclusions(manager, actor.channelId, id, audience, exclude);
      const saved = await this.save(manager, audience);
      await this.audit.record(manager, {
        actor,
        action: 'audience.update',
        entityType: 'audience',
        entityId: id,
        before,
        after: audienceAuditSnapshot(saved),
      });
      return saved;
    });
  }

  /** Archives the audience (blasts keep their reference); refused while another excludes it. */
  async remove(actor: ChannelActor, id: string): Promise<AudienceEntity> {
    return this.transactions.run(async (manager) => {
      const audience = await this.audiences.lockForUpdate(manager, actor.channelId, id);
      if (!audience || audience.archivedAt !== null) {
        throw audienceNotFound(id);
      }
      const users = await this.audiences.excludedBy(actor.channelId, id);
      if (users.length > 0) {
        throw new AudiencesException(
          AudiencesErrorCode.InUse,
          `Audience ${id} is excluded by ${users.map((user) => `"${user.name}"`).join(', ')}; remove it from their exclusions first`,
          undefined,
          { excludedBy: users.map((user) => user.id) },
        );
      }
      const before = audienceAuditSnapshot(audience);
      audience.archivedAt = new Date();
      const saved = await manager.save(audience);
      await this.audit.record(manager, {
        actor,
        action: 'audience.archive',
        entityType: 'audience',
        entityId: id,
        before,
        after: audienceAuditSnapshot(saved),
      });
      return saved;
    });
  }

  /** Live size of rules not saved yet, with a sample of who would be messaged. */
  async preview(
    channelId: string,
    input: { rules: unknown; exclude?: unknown },
  ): Promise<AudiencePreview> {
    const { rules, exclude } = this.checkDefinition(
      AudienceKind.Dynamic,
      input.rules,
      input.exclude,
      true,
    );
    const definitions = await this.audiences.definitions(channelId);
    for (const excluded of exclude.audienceIds) {
      if (!definitions.has(excluded)) {
        throw invalidRules({ 'exclude.audienceIds': `audience ${excluded} not found` });
      }
    }
    const membership = this.membership(
      { id: 'preview', kind: AudienceKind.Dynamic, rules, exclude },
      definitions,
    );
    const [size, sample] = await Promise.all([
      this.audiences.size(channelId, membership),
      this.audiences.sample(channelId, membership, SAMPLE_SIZE),
    ]);
    return { ...size, sample: sample.map(toRecipientResponse) };
  }

  /** `GET /api/audiences/:id/size`. */
  async size(channelId: string, id: string): Promise<AudienceSize> {
    const membership = await this.membershipOf(channelId, id);
    return this.audiences.size(channelId, membership);
  }

  /** Sizes of a page of audiences (the list's size column), compiled from one read of the rules. */
  async sizes(channelId: string, ids: string[]): Promise<Map<string, AudienceSize>> {
    const definitions = await this.audiences.definitions(channelId);
    const sizes = new Map<string, AudienceSize>();
    // One at a time: a page of counts must not take the whole connection pool.
    for (const id of ids) {
      const audience = definitions.get(id);
      if (audience) {
        try {
          sizes.set(
            id,
            await this.audiences.size(channelId, this.membership(audience, definitions)),
          );
        } catch (error) {
          // A count that times out leaves its cell empty rather than failing the whole list.
          if (!(error instanceof QueryFailedError)) {
            throw error;
          }
        }
      }
    }
    return sizes;
  }

  /** `GET /api/audiences/:id/members`: who is in it now, opted out or not. */
  async members(
    channelId: string,
    id: string,
    query: ListQuery<AudienceMemberListFilter>,
  ): Promise<Page<RecipientEntity>> {
    const membership = await this.membershipOf(channelId, id);
    return this.audiences.memberPage(channelId, membership, query.filter.q, query);
  }

  /** How many recipients of the audience may be messaged now (consent active, after exclusions). */
  async count(channelId: string, audienceId: string): Promise<number> {
    return this.audiences.count(channelId, await this.membershipOf(channelId, audienceId));
  }

  /**
   * Ids of the audience's recipients NOW whose consent is active, ascending, strictly after
   * `afterRecipientId` (keyset over the (channel_id, id) index; no OFFSET). An empty page ends
   * the walk.
   */
  async recipientPage(
    channelId: string,
    audienceId: string,
    afterRecipientId: string | null,
    limit: number,
  ): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new RangeError('limit must be an integer from 1 to 10000');
    }
    const membership = await this.membershipOf(channelId, audienceId);
    return this.audiences.idsAfter(channelId, membership, afterRecipientId, limit);
  }

  /**
   * The audience's membership as a predicate over `recipients r`, for set-based statements of
   * other modules (a blast's fan-out writes its ledger with one INSERT … SELECT per page). Active
   * consent and the channel are the caller's to add.
   */
  membershipPredicate(channelId: string, audienceId: string): Promise<MembershipSql> {
    return this.membershipOf(channelId, audienceId);
  }

  async addMembers(
    actor: ChannelActor,
    id: string,
    input: { recipientIds?: string[]; kakaoUserIds?: string[] },
  ): Promise<AudienceMembersResult> {
    return this.changeMembers(actor, id, input, 'add');
  }

  async removeMembers(
    actor: ChannelActor,
    id: string,
    input: { recipientIds?: string[]; kakaoUserIds?: string[] },
  ): Promise<AudienceMembersResult> {
    return this.changeMembers(actor, id, input, 'remove');
  }

  /** Streams a CSV of `kakao_user_id`s into a static audience (see RecipientImportsService). */
  async importMembers(
    actor: ChannelActor,
    id: string,
    file: AsyncIterable<Buffer | string>,
    fileName: string | null,
  ): Promise<RecipientImportEntity> {
    const audience = await this.get(actor.channelId, id);
    this.requireStatic(audience);
    return this.imports.receive(
      actor,
      { kind: ImportKind.AudienceMembers, targetId: id, fileName },
      file,
    );
  }

  private async changeMembers(
    actor: ChannelActor,
    id: string,
    input: { recipientIds?: string[]; kakaoUserIds?: string[] },
    change: 'add' | 'remove',
  ): Promise<AudienceMembersResult> {
    const recipientIds = input.recipientIds ?? [];
    const kakaoUserIds = input.kakaoUserIds ?? [];
    if (recipientIds.length === 0 && kakaoUserIds.length === 0) {
      throw invalidRules({ recipientIds: 'give recipientIds or kakaoUserIds' });
    }
    const audience = await this.get(actor.channelId, id);
    this.requireStatic(audience);
    const { ids, unknown } = await this.audiences.resolveRecipients(
      actor.channelId,
      recipientIds,
      kakaoUserIds,
    );
    const changed = await this.transactions.run(async (manager) => {
      const locked = await this.audiences.lockForUpdate(manager, actor.channelId, id);
      if (!locked || locked.archivedAt !== null) {
        throw audienceNotFound(id);
      }
      const count =
        change === 'add'
          ? await this.audiences.addMembers(manager, actor.channelId, id, ids)
          : await this.audiences.removeMembers(manager, id, ids);
      await this.audit.record(manager, {
        actor,
        action: change === 'add' ? 'audience.members_add' : 'audience.members_remove',
        entityType: 'audience',
        entityId: id,
        after: {
          requested: recipientIds.length + kakaoUserIds.length,
          changed: count,
          unknown: unknown.length,
        },
      });
      return count;
    });
    return { changed, unknown };
  }

  private requireStatic(audience: AudienceEntity): void {
    if (audience.archivedAt !== null) {
      throw audienceNotFound(audience.id);
    }
    if (audience.kind !== AudienceKind.Static) {
      throw new AudiencesException(
        AudiencesErrorCode.NotStatic,
        `Audience ${audience.id} is dynamic: its members come from its rules`,
      );
    }
  }

  private async applyMemberImport(
    manager: EntityManager,
    recipientImport: RecipientImportEntity,
  ): Promise<number> {
    const audience =
      recipientImport.targetId === null
        ? null
        : await this.audiences.lockForUpdate(
            manager,
            recipientImport.channelId,
            recipientImport.targetId,
          );
    if (!audience || audience.archivedAt !== null || audience.kind !== AudienceKind.Static) {
      throw new AudiencesException(
        AudiencesErrorCode.NotStatic,
        `Audience ${recipientImport.targetId ?? '?'} is gone or not a static list`,
      );
    }
    return this.audiences.addMembersFromImport(manager, audience.id, recipientImport.id);
  }

  /** Validates rules and exclusions for the kind; errors name the path of each problem. */
  private checkDefinition(
    kind: AudienceKind,
    rulesInput: unknown,
    excludeInput: unknown,
    creating: boolean,
  ): { rules: RuleGroup | null; exclude: AudienceExclusions } {
    const errors: Record<string, string> = {};
    let rules: RuleGroup | null = null;
    if (kind === AudienceKind.Dynamic) {
      if (rulesInput === undefined || rulesInput === null) {
        errors.rules = 'a dynamic audience needs rules';
      } else {
        const checked = validateRuleGroup(rulesInput);
        if (checked.ok) {
          rules = checked.value;
        } else {
          Object.assign(errors, checked.errors);
        }
      }
    } else if (rulesInput !== undefined && rulesInput !== null) {
      errors.rules = creating
        ? 'a static audience has no rules (its members are listed)'
        : 'a static audience has no rules';
    }
    const exclude = validateExclusions(excludeInput);
    if (!exclude.ok) {
      Object.assign(errors, exclude.errors);
    }
    if (Object.keys(errors).length > 0 || !exclude.ok) {
      throw invalidRules(errors);
    }
    return { rules, exclude: exclude.value };
  }

  /** Excluded audiences must be live audiences of the channel, and never lead back here. */
  private async checkExclusions(
    manager: EntityManager,
    channelId: string,
    selfId: string | null,
    audience: AudienceEntity,
    exclude: AudienceExclusions,
  ): Promise<void> {
    if (exclude.audienceIds.length === 0) {
      return;
    }
    const definitions = await this.audiences.definitions(channelId, manager);
    const live = new Set(
      (
        await manager.find(AudienceEntity, {
          where: { channelId },
          select: { id: true, archivedAt: true },
        })
      )
        .filter((row) => row.archivedAt === null)
        .map((row) => row.id),
    );
    exclude.audienceIds.forEach((excluded, index) => {
      if (excluded === selfId) {
        throw invalidRules({
          [`exclude.audienceIds[${index}]`]: 'an audience cannot exclude itself',
        });
      }
      if (!live.has(excluded)) {
        throw invalidRules({ [`exclude.audienceIds[${index}]`]: `audience ${excluded} not found` });
      }
    });
    const self: AudienceDefinition = {
      id: selfId ?? 'new',
      kind: audience.kind,
      rules: audience.rules,
      exclude,
    };
    definitions.set(self.id, self);
    try {
      // Compiling walks every excluded audience: cycles and over-deep chains throw here.
      this.membership(self, definitions)(new SqlParams());
    } catch (error) {
      if (error instanceof AudienceCompileError) {
        throw invalidRules({ 'exclude.audienceIds': error.message });
      }
      throw error;
    }
  }

  private async membershipOf(channelId: string, id: string): Promise<MembershipSql> {
    const definitions = await this.audiences.definitions(channelId);
    const audience = isUUID(id) ? definitions.get(id) : undefined;
    if (!audience) {
      throw audienceNotFound(id);
    }
    return this.membership(audience, definitions);
  }

  private membership(
    audience: AudienceDefinition,
    definitions: Map<string, AudienceDefinition>,
  ): MembershipSql {
    return (params: SqlParams) => compileAudience(audience, params, (id) => definitions.get(id));
  }

  private async save(manager: EntityManager, audience: AudienceEntity): Promise<AudienceEntity> {
    const taken = () =>
      new AudiencesException(
        AudiencesErrorCode.NameTaken,
        `An audience named "${audience.name}" already exists`,
        { name: 'is already used by another audience' },
      );
    if (
      await this.audiences.nameTaken(
        manager,
        audience.channelId,
        audience.name,
        audience.id ?? null,
      )
    ) {
      throw taken();
    }
    try {
      return await manager.save(audience);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'UQ_audiences_channel_name'
      ) {
        // Two creations raced past the check above: the unique index decides.
        throw taken();
      }
      throw error;
    }
  }
}
