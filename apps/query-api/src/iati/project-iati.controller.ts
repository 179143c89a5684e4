import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { buildIatiActivitiesXml, readIatiRecord } from '@ledger/iati';
import { APP_CONFIG, AppConfig, CLOCK, Clock, problem, QueryParams, Roles } from '@ledger/platform';
import { problemResponse } from '@ledger/platform/problem/problem.openapi';
import { MONGOLIA_IATI_EXAMPLE } from './iati.openapi';

/** One project as IATI 2.03 activity XML, folded from its events (works without the read model). */
@ApiTags('iati')
@ApiBearerAuth()
@Controller('projects')
export class ProjectIatiController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/iati')
  @Roles('reader')
  @QueryParams()
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({
    summary: 'A project as an IATI 2.03 activity',
    description: 'iati-activities version="2.03" holding one iati-activity; mapping in docs/iati.md.',
  })
  @ApiParam({ name: 'id', example: 'TC.0789', description: 'Projects ID' })
  @ApiProduces('application/xml')
  @ApiResponse({
    status: 200,
    description: 'IATI activity XML',
    content: { 'application/xml': { schema: { type: 'string' }, example: MONGOLIA_IATI_EXAMPLE } },
  })
  @ApiResponse(problemResponse(404, 'No project with this id', ['PROJECT.NOT_FOUND']))
  async activity(@Param('id') id: string): Promise<string> {
    const record = await readIatiRecord(this.store, id);
    if (!record) {
      throw problem('PROJECT.NOT_FOUND', `No project ${id} is recorded.`);
    }
    return buildIatiActivitiesXml([record], {
      reportingOrg: { ref: this.config.iatiReportingOrg, name: this.config.iatiReportingOrgName },
      generatedAt: this.clock.now().toISOString(),
    });
  }
}
