import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import { contentRange, type ListQuery, ListQueryParams, NoListFilter, UuidPipe } from '@app/common';
import {
  IMPORT_LIST_RULES,
  ImportKind,
  ImportMode,
  readCsvUpload,
  RecipientImportsService,
  type RecipientImportResponse,
  RecipientsErrorCode,
  RecipientsException,
  toRecipientImportResponse,
} from '@app/recipients';

/**
 * CSV imports of tags, attributes and time zones for known recipients (matched by
 * kakao_user_id). The upload answers at once (202); a worker does the rest.
 */
@ApiTags('recipients')
@Controller('recipients/imports')
export class RecipientImportsController {
  constructor(private readonly imports: RecipientImportsService) {}

  /**
   * `multipart/form-data` (one file) or a raw `text/csv` body. Columns: `kakao_user_id`
   * (required), `tags` (separated by |), `time_zone`, and any attribute name.
   * `?mode=merge` (default: add tags, merge attributes) or `?mode=replace`.
   */
  @Post()
  @HttpCode(202)
  @RequirePermission(Permission.RecipientManage)
  async create(
    @RequestActor() actor: ChannelActor,
    @Req() request: FastifyRequest,
    @Query('mode') mode: string | undefined,
  ): Promise<RecipientImportResponse> {
    if (mode !== undefined && !Object.values(ImportMode).includes(mode as ImportMode)) {
      throw new RecipientsException(
        RecipientsErrorCode.ImportInvalid,
        'mode must be merge or replace',
        {
          mode: 'must be merge or replace',
        },
      );
    }
    const upload = await readCsvUpload(request);
    const created = await this.imports.receive(
      actor,
      {
        kind: ImportKind.RecipientFields,
        mode: mode as ImportMode | undefined,
        fileName: upload.fileName,
      },
      upload.file,
    );
    return toRecipientImportResponse(created);
  }

  @Get()
  @RequirePermission(Permission.RecipientRead)
  async list(
    @RequestActor() actor: ChannelActor,
    @ListQueryParams(NoListFilter, IMPORT_LIST_RULES) query: ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecipientImportResponse[]> {
    const page = await this.imports.list(actor.channelId, query);
    reply.header('Content-Range', contentRange('recipient-imports', query, page.total));
    return page.items.map(toRecipientImportResponse);
  }

  /** Progress: state, rows read / accepted / rejected / applied. */
  @Get(':id')
  @RequirePermission(Permission.RecipientRead)
  async get(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
  ): Promise<RecipientImportResponse> {
    return toRecipientImportResponse(await this.imports.get(actor.channelId, id));
  }

  /** The rejected rows with their reasons: `row,kakao_user_id,reason`. */
  @Get(':id/errors.csv')
  @RequirePermission(Permission.RecipientRead)
  async errors(
    @RequestActor() actor: ChannelActor,
    @Param('id', UuidPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.imports.errorsCsv(actor.channelId, id);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
      .send(csv);
  }
}
