import { Controller, Get, Inject, Param } from '@nestjs/common';
import { projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ProblemException, QueryParams, Roles } from '@ledger/platform';

/** A project's events in order, with the metadata auditors need (who, when, in answer to which command). */
@Controller('projects')
export class ProjectHistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/events')
  @Roles('auditor')
  @QueryParams()
  async history(@Param('id') id: string) {
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) {
      throw new ProblemException({ status: 404, code: 'PROJECT.NOT_FOUND', title: 'Project not found', detail: `No project ${id} is recorded.` });
    }
    return events.map(({ eventId, type, revision, position, data, metadata }) => ({ eventId, type, revision, position, data, metadata }));
  }
}
