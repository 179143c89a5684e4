import { Controller, Get, Inject, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { problem, Roles } from '@ledger/platform';
import { READ_MODEL, type FinanceSummary, type ReadModel, type TransactionView } from '@ledger/read-model';
import { parseMinPositionOnly } from '../params/min-position.params';
import { encodeTransactionCursor, parseTransactionsParams } from '../params/transactions.params';
import { ProjectionPosition } from './projection-position';
import { ProjectionPositionInterceptor } from './projection-position.interceptor';
import { ApiFinances, ApiTransactions } from './project-money.openapi';

const notFound = (id: string) => problem('PROJECT.NOT_FOUND', `No project ${id} in the read model.`);

/** A project's financial transactions and its financial summary, from the read model (issue 13). */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
@Roles('reader')
@UseInterceptors(ProjectionPositionInterceptor)
export class ProjectMoneyController {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly position: ProjectionPosition,
  ) {}

  @Get(':id/transactions')
  @ApiTransactions()
  async transactions(
    @Param('id') id: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ items: TransactionView[]; nextCursor: string | null }> {
    const { query, minPosition } = parseTransactionsParams(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.transactions(id, query);
    if (!data) throw notFound(id);
    this.position.stamp(res, position);
    return { items: data.items, nextCursor: data.next ? encodeTransactionCursor(data.next) : null };
  }

  @Get(':id/finances')
  @ApiFinances()
  async finances(
    @Param('id') id: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FinanceSummary[]> {
    const { minPosition } = parseMinPositionOnly(raw);
    await this.position.awaitMin(minPosition);
    const { position, data } = await this.readModel.finances(id);
    if (!data) throw notFound(id);
    this.position.stamp(res, position);
    return data;
  }
}
