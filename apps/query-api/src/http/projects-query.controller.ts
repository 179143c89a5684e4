import { Controller, Get, Headers, Param, Query, Res, UseInterceptors, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemException, problem, Roles } from '@ledger/platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READ_MODEL, type BudgetRevisionView, type ProjectView, type ReadModel } from '@ledger/read-model';
import { parseListProjectsParams } from '../params/list-projects.params';
import { encodeCursor } from '../params/project-cursor';
import { parseMinPositionOnly } from '../params/min-position.params';
import { ProjectionPosition } from './projection-position';
import { ProjectionPositionInterceptor } from './projection-position.interceptor';
import { ApiBudgetRevisions, ApiGetProject, ApiListProjects } from './query-api.openapi';

function notFound(id: string): ProblemException {
  return problem('PROJECT.NOT_FOUND', `No project ${id} in the read model.`);
}

/** `If-None-Match` holds the current ETag (or `*`): the client's copy is fresh. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Project lists and details from the read model. Registered after ProjectUpdatesController (`/projects/updates`). */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
@Roles('reader')
@UseInterceptors(ProjectionPositionInterceptor)
export class ProjectsQueryController {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly position: ProjectionPosition,
  ) {}

  @Get()
  @ApiListProjects()
  async list(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ items: ProjectView[]; nextCursor: string | null }> {
    const { query, minPosition } = parseListProjectsParams(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.listProjects(query);
    this.position.stamp(res, position);
    return {
      items: data.items,
      nextCursor: data.next ? encodeCursor(data.next, query.sort, query.filter) : null,
    };
  }

  @Get(':id')
  @ApiGetProject()
  async get(
    @Param('id') id: string,
    @Query() raw: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const { minPosition } = parseMinPositionOnly(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.getProject(id);
    if (!data) throw notFound(id);
    this.position.stamp(res, position);
    const etag = `"${data.revision}"`;
    res.header('ETag', etag);
    if (matches(ifNoneMatch, etag)) {
      res.status(304).send();
      return;
    }
    res.status(200).send(data);
  }

  @Get(':id/budget-revisions')
  @ApiBudgetRevisions()
  async budgetRevisions(
    @Param('id') id: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<BudgetRevisionView[]> {
    const { minPosition } = parseMinPositionOnly(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.budgetRevisions(id);
    if (!data) throw notFound(id);
    this.position.stamp(res, position);
    return data;
  }
}
