import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { foldAsOf, parseAsOf, verifyChain } from '@ledger/audit';
import { projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { problem, QueryParams, Roles } from '@ledger/platform';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import { invalidQuery, projectNotFound } from './audit-problems';

/** A project's past state on either timeline, and proof its history is intact. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('projects')
@Roles('auditor')
export class ProjectAuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/as-of')
  @QueryParams('recordedAt', 'effectiveDate', 'revision')
  @ApiOperation({
    summary:
      'The project as known at an instant (recordedAt), as true on a date (effectiveDate) or at a revision; exactly one',
  })
  @ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })
  @ApiQuery({
    name: 'recordedAt',
    required: false,
    description: 'ISO-8601 instant with zone, or YYYY / YYYY-MM / YYYY-MM-DD (end of that period, UTC)',
    example: '2015-02-01T12:00:00Z',
  })
  @ApiQuery({
    name: 'effectiveDate',
    required: false,
    description: 'YYYY, YYYY-MM or YYYY-MM-DD',
    example: '2015-01-15',
  })
  @ApiQuery({ name: 'revision', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiProblems({ 400: ['QUERY.INVALID_PARAMETER'], 404: ['PROJECT.NOT_FOUND', 'PROJECT.NOT_FOUND_AS_OF'] })
  async asOf(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const parsed = parseAsOf(query);
    if (!parsed.ok) throw invalidQuery(parsed.errors);
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) throw projectNotFound(id);
    const asOf = parsed.value;
    const head = events[events.length - 1].revision;
    if (asOf.kind === 'revision' && asOf.value > head) {
      throw problem(
        'PROJECT.NOT_FOUND_AS_OF',
        `Project ${id} has no revision ${asOf.value}; its latest is ${head}.`,
      );
    }
    const result = foldAsOf(events, asOf);
    if (result === null) {
      throw problem('PROJECT.NOT_FOUND_AS_OF', `Project ${id} has no history at ${asOf.kind} ${asOf.value}.`);
    }
    return {
      projectId: id,
      asOf: { [asOf.kind]: asOf.value },
      revision: result.revision,
      appliedRevisions: result.appliedRevisions,
      state: result.state,
    };
  }

  @Get(':id/verify')
  @QueryParams()
  @ApiOperation({
    summary: "Recompute the project's hash chain: {ok, events, headHash, firstBrokenRevision?}",
  })
  @ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })
  @ApiProblems({ 404: ['PROJECT.NOT_FOUND'] })
  async verify(@Param('id') id: string) {
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) throw projectNotFound(id);
    return verifyChain(events);
  }
}
