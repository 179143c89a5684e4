import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { TRANSACTION_TYPES } from '@ledger/domain';
import { MONEY_STATS_DIMENSIONS } from '@ledger/read-model';
import { ApiProblems } from '@ledger/platform/problem/problem.openapi';
import { DEFAULT_TRANSACTION_LIMIT, MAX_TRANSACTION_LIMIT } from '../params/transactions.params';
import { badQuery, behind, minPosition, positionHeader, projectId } from './query-api.openapi';

/* Documentation only: the routes' parameter readers and the domain's summary stay the source of truth. */

const decimal = (example: string, description?: string): SchemaObject => ({
  type: 'string',
  example,
  ...(description ? { description } : {}),
});
const party: SchemaObject = {
  type: 'object',
  nullable: true,
  properties: {
    name: { type: 'string' },
    ref: { type: 'string', nullable: true, example: 'XM-DAC-701-2' },
    activityId: { type: 'string', nullable: true },
  },
};
const TRANSACTION: SchemaObject = {
  type: 'object',
  properties: {
    ref: { type: 'string', example: 'TX-2014-001' },
    type: { type: 'string', enum: [...TRANSACTION_TYPES], example: 'incoming-commitment' },
    typeCode: { type: 'string', description: 'IATI TransactionType code', example: '11' },
    date: { type: 'string', format: 'date', example: '2014-02-10' },
    value: {
      type: 'object',
      properties: { amount: decimal('200000.00'), currency: { type: 'string', example: 'USD' } },
    },
    valueDate: { type: 'string', format: 'date', nullable: true },
    provider: party,
    receiver: party,
    description: { type: 'string', nullable: true },
    reversal: {
      type: 'object',
      nullable: true,
      description: 'Set once reversed: the transaction then counts in no figure',
      properties: { date: { type: 'string', format: 'date' }, reason: { type: 'string' } },
    },
    position: { type: 'integer' },
    recordedAt: { type: 'string', format: 'date-time' },
  },
};
const FINANCES: SchemaObject = {
  type: 'object',
  properties: {
    currency: { type: 'string', example: 'USD' },
    budget: {
      ...decimal('210000.00', 'Current budget; null in a currency other than the budget’s'),
      nullable: true,
    },
    incomingCommitment: decimal('200000.00', 'Sum of incoming commitments (11)'),
    incomingFunds: decimal('120000.00', 'Sum of incoming funds (1)'),
    committed: decimal('0.00', 'Sum of outgoing commitments (2)'),
    disbursed: decimal('30000.10', 'Disbursements (3) and reimbursements (7)'),
    spent: decimal('75000.35', 'Disbursed plus expenditure (4)'),
    remaining: { ...decimal('134999.65', 'budget - spent'), nullable: true },
    spentShare: { ...decimal('0.3571', 'spent ÷ budget, 4 decimals'), nullable: true },
    lastTransactionDate: { type: 'string', format: 'date', nullable: true },
  },
};

export const ApiTransactions = () =>
  applyDecorators(
    ApiOperation({ summary: "A project's financial transactions by date (filters, keyset pages)" }),
    projectId,
    ApiQuery({ name: 'type', required: false, description: 'Transaction type name or IATI code' }),
    ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date' } }),
    ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date' } }),
    ApiQuery({
      name: 'organisation',
      required: false,
      description: 'Organisation identifier or exact name of the provider or receiver',
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_TRANSACTION_LIMIT,
        default: DEFAULT_TRANSACTION_LIMIT,
      },
    }),
    ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' }),
    minPosition,
    ApiResponse({
      status: 200,
      description: 'One page of transactions, reversed ones included (marked)',
      headers: positionHeader,
      schema: {
        type: 'object',
        properties: {
          items: { type: 'array', items: TRANSACTION },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    }),
    ApiProblems({ ...badQuery, 404: ['PROJECT.NOT_FOUND'], ...behind }),
  );

export const ApiFinances = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Financial summary per currency (exact decimal strings; no exchange rate is ever applied)',
    }),
    projectId,
    minPosition,
    ApiResponse({
      status: 200,
      description: 'One row per currency, the budget currency first',
      headers: positionHeader,
      schema: { type: 'array', items: FINANCES },
    }),
    ApiProblems({ ...badQuery, 404: ['PROJECT.NOT_FOUND'], ...behind }),
  );

export const ApiMoneyStats = () =>
  applyDecorators(
    ApiOperation({
      summary:
        'Exact totals of standing transactions per region, per funder (provider of incoming commitments and funds) or per DAC sector (each transaction split by the sector percentages), per currency',
    }),
    ApiQuery({ name: 'groupBy', required: true, enum: [...MONEY_STATS_DIMENSIONS] }),
    minPosition,
    ApiResponse({
      status: 200,
      description: 'One row per group and currency',
      headers: positionHeader,
      schema: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { type: 'string', example: 'XM-DAC-701-2' },
            currency: { type: 'string', example: 'USD' },
            projects: { type: 'integer', example: 1 },
            incomingCommitment: decimal('1459753.72'),
            incomingFunds: decimal('0.00'),
            committed: decimal('0.00'),
            disbursed: decimal('0.00'),
            spent: decimal('0.00'),
          },
        },
      },
    }),
    ApiProblems({ ...badQuery, ...behind }),
  );
