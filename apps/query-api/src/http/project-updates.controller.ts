import { Controller, Get, Headers, Inject, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@ledger/platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READ_MODEL, type ReadModel } from '@ledger/read-model';
import { ParamReader } from '../params/query-problem';
import { ChangeStreams } from './change-streams';
import { ProjectionPositionInterceptor } from './projection-position.interceptor';
import { ApiProjectUpdates } from './query-api.openapi';

/**
 * GET /projects/updates: one Server-Sent Event per read-model change, `id` = its position. A client that
 * reconnects with Last-Event-ID gets every change after that position from the changes table, then live ones.
 * Declared before ProjectsQueryController so `/projects/:id` never captures `updates`.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
@Roles('reader')
@UseInterceptors(ProjectionPositionInterceptor)
export class ProjectUpdatesController {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly streams: ChangeStreams,
  ) {}

  @Get('updates')
  @ApiProjectUpdates()
  async updates(
    @Query() raw: Record<string, unknown>,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const p = new ParamReader(raw, ['lastEventId']);
    const fromQuery = p.integer('lastEventId', 0, Number.MAX_SAFE_INTEGER);
    let fromHeader: number | undefined;
    if (lastEventIdHeader !== undefined) {
      if (/^\d+$/.test(lastEventIdHeader.trim())) fromHeader = Number(lastEventIdHeader.trim());
      else p.fail('Last-Event-ID', 'INVALID_FORMAT', 'Last-Event-ID must be a position (a whole number).');
    }
    p.done();
    const checkpoint = await this.readModel.checkpoint();
    // Without a resume point the stream starts at "now": only changes after the current checkpoint.
    await this.streams.stream(req, res, fromHeader ?? fromQuery ?? checkpoint, checkpoint);
  }
}
