import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ledgerQuality, type QualityReport } from '@ledger/iati';
import { APP_CONFIG, AppConfig, CLOCK, Clock, QueryParams, Roles } from '@ledger/platform';

/** The publishing-quality self-score, on exactly what an IATI export would publish now. */
@ApiTags('iati')
@ApiBearerAuth()
@Controller('iati')
export class IatiQualityController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('quality')
  @Roles('reader')
  @QueryParams()
  @ApiOperation({
    summary: 'IATI quality self-score',
    description:
      'Per publisher and per project, following the IATI Dashboard methodology: comprehensiveness (core, financials, value added) with the failing tests named, forward-looking budgets for this year and the next two, timeliness from transaction dates. See docs/iati.md.',
  })
  @ApiResponse({ status: 200, description: 'The score: publishers, projects' })
  async quality(): Promise<QualityReport> {
    return ledgerQuality(this.store, {
      reportingOrg: { ref: this.config.iatiReportingOrg, name: this.config.iatiReportingOrgName },
      now: this.clock.now(),
    });
  }
}
