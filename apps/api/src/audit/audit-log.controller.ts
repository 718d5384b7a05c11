import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import {
  CurrentChannel,
  type CurrentChannelAccess,
  Permission,
  RequirePermission,
} from '@app/access';
import {
  AUDIT_LOG_LIST_RULES,
  AuditLogFilter,
  type AuditLogResponse,
  AuditService,
  toAuditLogResponse,
} from '@app/audit';
import { contentRange, type ListQuery, ListQueryParams } from '@app/common';

/**
 * The current channel's audit trail. Filters: actorUserId, action (one or a list), entityType,
 * entityId, from (inclusive), to (exclusive).
 */
@ApiTags('audit-log')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  async list(
    @CurrentChannel() channel: CurrentChannelAccess,
    @ListQueryParams(AuditLogFilter, AUDIT_LOG_LIST_RULES) query: ListQuery<AuditLogFilter>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditLogResponse[]> {
    const page = await this.audit.list(channel.id, query);
    reply.header('Content-Range', contentRange('audit-log', query, page.total));
    return page.items.map(toAuditLogResponse);
  }
}
