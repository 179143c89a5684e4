import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseCommandInput, projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import {
  CurrentPrincipal,
  Principal,
  ProblemException,
  Roles,
  acceptCorrelationId,
  currentCorrelationId,
} from '@ledger/platform';
import { commandIdFromKey } from '../commands/command-ids';
import { validationProblem } from '../commands/command-problems';
import { ProjectCommandService } from '../commands/project-command.service';
import { parseIdempotencyKey, parseIfMatch } from '../http/command-headers';
import { ApiCommand } from '../http/project-commands.openapi';
import { projectNotFound } from './audit-problems';
import { targetProblem } from './correction-target';

/**
 * POST /projects/:id/corrections: an admin sends the correction an auditor approved (named in `approver`),
 * so no single key both approves and applies a change to history. The original event stays; the
 * correction event names it.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
export class CorrectionsController {
  constructor(
    private readonly commands: ProjectCommandService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('admin')
  @ApiCommand('CorrectProjectRecord')
  async correct(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() who: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expectedRevision = parseIfMatch(req.headers['if-match']);
    // The key names the command, so a retry finds its own event in the stream and answers as the first time.
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    const commandId = key ? commandIdFromKey(who.actor, key) : undefined;
    const parsed = parseCommandInput('CorrectProjectRecord', id, body);
    if (!parsed.ok) throw validationProblem(parsed.errors);
    const stream = await this.store.readStream(projectStreamId(id));
    if (stream.length === 0) throw projectNotFound(id);
    const { eventId, revision, values } = parsed.value;
    const problem = targetProblem(stream, eventId, revision, Object.keys(values));
    if (problem) {
      throw new ProblemException({
        status: 409,
        code: 'CORRECTION.TARGET_MISMATCH',
        title: 'The correction does not fit the event it names',
        detail: problem,
      });
    }
    const correlationId = currentCorrelationId() ?? acceptCorrelationId(req.headers['x-correlation-id']);
    res.setHeader('X-Correlation-Id', correlationId);
    const result = await this.commands.execute({
      type: 'CorrectProjectRecord',
      projectId: id,
      body,
      actor: who.actor,
      correlationId,
      commandId,
      expectedRevision,
    });
    res.setHeader('ETag', `"${result.revision}"`);
    return result;
  }
}
