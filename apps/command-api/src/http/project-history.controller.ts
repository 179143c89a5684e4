import { Controller, Get, Inject, Param } from '@nestjs/common';
import { projectStreamId } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { QueryParams, Roles } from '@ledger/platform';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import { projectNotFound } from '../audit/audit-problems';

/** A project's events in order, with the metadata auditors need (who, when, in answer to which command). */
@ApiTags('history')
@ApiBearerAuth()
@Controller('projects')
export class ProjectHistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/events')
  @Roles('auditor')
  @ApiOperation({ summary: "A project's events in order, with who, when and in answer to which command" })
  @ApiParam({ name: 'id', description: 'Projects ID', example: 'TC.0789' })
  @ApiResponse({
    status: 200,
    description: 'Every event of the project, oldest first',
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['eventId', 'type', 'revision', 'position', 'data', 'metadata'],
        properties: {
          eventId: { type: 'string', format: 'uuid' },
          type: { type: 'string', example: 'ProjectCreated' },
          revision: { type: 'integer', example: 0 },
          position: { type: 'integer', example: 1 },
          data: {
            type: 'object',
            example: {
              projectId: 'TC.0789',
              primaId: 'MN10P0001',
              projectType: 'TCMMCB',
              budget: { amount: '200000.00', currency: 'USD' },
            },
          },
          metadata: {
            type: 'object',
            example: {
              actor: 'api-key:publisher:…',
              commandId: '…',
              recordedAt: '2014-01-10T09:00:00.000Z',
              schemaVersion: 1,
            },
          },
        },
      },
    },
  })
  @ApiProblems({ 404: ['PROJECT.NOT_FOUND'] })
  @QueryParams()
  async history(@Param('id') id: string) {
    const events = await this.store.readStream(projectStreamId(id));
    if (events.length === 0) {
      throw projectNotFound(id);
    }
    return events.map(({ eventId, type, revision, position, data, metadata }) => ({
      eventId,
      type,
      revision,
      position,
      data,
      metadata,
    }));
  }
}
