import { Module } from '@nestjs/common';
import { ReadModelModule } from '@ledger/read-model';
import { ChangeStreams } from './http/change-streams';
import { ProjectUpdatesController } from './http/project-updates.controller';
import { ProjectsQueryController } from './http/projects-query.controller';
import { ProjectMoneyController } from './http/project-money.controller';
import { ProjectionPosition } from './http/projection-position';
import { ProjectionPositionInterceptor } from './http/projection-position.interceptor';
import { StatsController } from './http/stats.controller';

/**
 * Read routes over READ_MODEL (role reader): project list and details, budget revisions, statistics and
 * live updates. Needs PlatformModule (config, auth, problem+json). Controller order matters:
 * `/projects/updates` is registered before `/projects/:id`.
 */
@Module({
  imports: [ReadModelModule],
  controllers: [ProjectUpdatesController, StatsController, ProjectsQueryController, ProjectMoneyController],
  providers: [ProjectionPosition, ProjectionPositionInterceptor, ChangeStreams],
})
export class QueryApiModule {}
