import { Controller, Get, Headers, Inject, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Roles } from '@ledger/platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READ_MODEL, type ProjectChange, type ReadModel } from '@ledger/read-model';
import { ParamReader } from '../params/query-problem';
import { POSITION_HEADER } from './projection-position';
import { ProjectionPositionInterceptor } from './projection-position.interceptor';
import { ApiProjectUpdates } from './query-api.openapi';

const PAGE = 500;
/** Polling covers a projector in another process; in-process commits wake the stream at once. */
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;

function sseEvent(change: ProjectChange): string {
  return `id: ${change.position}\nevent: project-changed\ndata: ${JSON.stringify(change)}\n\n`;
}

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
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  @Get('updates')
  @ApiProjectUpdates()
  async updates(
    @Query() raw: Record<string, unknown>,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
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
    let last = fromHeader ?? fromQuery ?? checkpoint;

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader(POSITION_HEADER, String(checkpoint));
    res.flushHeaders();
    res.write('retry: 2000\n\n');

    let closed = false;
    let wake: (() => void) | null = null;
    // A commit that lands while a page is being read must not be slept through.
    let dirty = false;
    const nudge = () => {
      dirty = true;
      wake?.();
    };
    const off = this.readModel.onCommit(nudge);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      closed = true;
      nudge();
    });
    try {
      while (!closed) {
        dirty = false;
        const changes = await this.readModel.changesAfter(last, PAGE);
        for (const change of changes) res.write(sseEvent(change));
        if (changes.length > 0) last = changes[changes.length - 1].position;
        if (changes.length === PAGE || closed || dirty) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } catch {
      // The read model went away (shutdown): end the stream; the client reconnects with Last-Event-ID.
    } finally {
      off();
      clearInterval(heartbeat);
      res.end();
    }
  }
}
