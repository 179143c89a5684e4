import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { foldAsOf, parseAsOf, verifyChain } from '@ledger/audit';
import { projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ProblemException, QueryParams, Roles } from '@ledger/platform';
import { invalidQuery, projectNotFound } from './audit-problems';

/** A project's past state on either timeline, and proof its history is intact. */
@Controller('projects')
@Roles('auditor')
export class ProjectAuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/as-of')
  @QueryParams('recordedAt', 'effectiveDate', 'revision')
  async asOf(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    const parsed = parseAsOf(query);
    if (!parsed.ok) throw invalidQuery(parsed.errors);
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) throw projectNotFound(id);
    const asOf = parsed.value;
    const result = foldAsOf(events, asOf);
    if (result === null) {
      throw new ProblemException({
        status: 404,
        code: 'PROJECT.NOT_FOUND_AS_OF',
        title: 'Project not known at that point',
        detail: `Project ${id} has no history at ${asOf.kind} ${asOf.value}.`,
      });
    }
    return { projectId: id, asOf: { [asOf.kind]: asOf.value }, revision: result.revision, appliedRevisions: result.appliedRevisions, state: result.state };
  }

  @Get(':id/verify')
  async verify(@Param('id') id: string) {
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) throw projectNotFound(id);
    return verifyChain(events);
  }
}
