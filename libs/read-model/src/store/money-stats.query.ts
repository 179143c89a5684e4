import Decimal from 'decimal.js';
import type { Transaction } from 'kysely';
import { formatAmount, SUMMARY_TYPES, type TransactionType } from '@ledger/domain';
import type { MoneyStat, MoneyStatsDimension } from '../transactions.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';

type Figure = keyof typeof SUMMARY_TYPES;
const FIGURES = Object.keys(SUMMARY_TYPES) as Figure[];
const FUNDED_BY: readonly TransactionType[] = ['incoming-commitment', 'incoming-funds'];

/**
 * Totals per group and currency of every standing transaction (the figures of the financial summary, without
 * budgets). By region: the project's region. By funder: the provider (org ref, else name) of incoming
 * commitments and incoming funds, the money a funder gave; other types have no funder and are left out.
 * Summed with decimal.js in the query, over the rows of one read transaction.
 */
export async function moneyStats(
  trx: Transaction<ReadModelDatabase>,
  groupBy: MoneyStatsDimension,
): Promise<MoneyStat[]> {
  const rows = await trx
    .selectFrom('projectTransactions as t')
    .innerJoin('projects as p', 'p.projectId', 't.projectId')
    .select([
      't.projectId',
      't.type',
      't.amount',
      't.currency',
      't.providerRef',
      't.providerName',
      'p.region',
    ])
    .where('t.reversalDate', 'is', null)
    .execute();
  const groups = new Map<
    string,
    { key: string; currency: string; projects: Set<string>; sums: Record<Figure, Decimal> }
  >();
  for (const row of rows) {
    const type = row.type as TransactionType;
    const key =
      groupBy === 'region'
        ? row.region
        : FUNDED_BY.includes(type)
          ? (row.providerRef ?? row.providerName)
          : null;
    if (key === null) continue;
    const id = `${key}\u0000${row.currency}`;
    const group = groups.get(id) ?? {
      key,
      currency: row.currency,
      projects: new Set<string>(),
      sums: Object.fromEntries(FIGURES.map((f) => [f, new Decimal(0)])) as Record<Figure, Decimal>,
    };
    groups.set(id, group);
    group.projects.add(row.projectId);
    for (const figure of FIGURES)
      if ((SUMMARY_TYPES[figure] as readonly TransactionType[]).includes(type))
        group.sums[figure] = group.sums[figure].plus(row.amount);
  }
  return [...groups.values()]
    .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1))
    .map((g) => ({
      key: g.key,
      currency: g.currency,
      projects: g.projects.size,
      ...(Object.fromEntries(
        FIGURES.map((f) => [f, formatAmount(g.sums[f].toFixed(), g.currency)]),
      ) as Record<Figure, string>),
    }));
}
