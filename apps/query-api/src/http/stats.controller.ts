import { Controller, Get, Inject, Query, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '@ledger/platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READ_MODEL, type BudgetStat, type MoneyStat, type ReadModel } from '@ledger/read-model';
import { parseMoneyStatsParams, parseStatsParams } from '../params/min-position.params';
import { ApiMoneyStats } from './project-money.openapi';
import { ProjectionPosition } from './projection-position';
import { ProjectionPositionInterceptor } from './projection-position.interceptor';
import { ApiBudgetStats } from './query-api.openapi';

/** Project counts and exact budget totals per group (and per currency when several exist). */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
@Roles('reader')
@UseInterceptors(ProjectionPositionInterceptor)
export class StatsController {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly position: ProjectionPosition,
  ) {}

  @Get('budget')
  @ApiBudgetStats()
  async budget(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<BudgetStat[]> {
    const { groupBy, minPosition } = parseStatsParams(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.budgetStats(groupBy);
    this.position.stamp(res, position);
    return data;
  }

  @Get('finances')
  @ApiMoneyStats()
  async finances(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MoneyStat[]> {
    const { groupBy, minPosition } = parseMoneyStatsParams(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.moneyStats(groupBy);
    this.position.stamp(res, position);
    return data;
  }
}
