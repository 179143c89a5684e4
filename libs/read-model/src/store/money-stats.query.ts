import Decimal from 'decimal.js';
import type { Transaction } from 'kysely';
import {
  currencyMinorDigits,
  formatAmount,
  SUMMARY_TYPES,
  type ProjectProfile,
  type TransactionType,
} from '@ledger/domain';
import type { MoneyStat, MoneyStatsDimension } from '../transactions.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';

type Figure = keyof typeof SUMMARY_TYPES;
const FIGURES = Object.keys(SUMMARY_TYPES) as Figure[];
const FUNDED_BY: readonly TransactionType[] = ['incoming-commitment', 'incoming-funds'];

/** DAC vocabularies a project's money is split by, the 5-digit one first (IATI sector vocabularies 1, 2). */
const DAC_VOCABULARIES = ['1', '2'] as const;

/**
 * A project's share per DAC sector: its 5-digit DAC sectors (vocabulary 1), else its 3-digit ones
 * (vocabulary 2), each as a fraction (percentage ÷ 100). None: the project names no DAC sector, or its row
 * was projected before profiles were; its money then counts in no sector.
 */
function dacShares(profileJson: string | null): { key: string; share: Decimal }[] {
  if (profileJson === null) return [];
  const { sectors } = JSON.parse(profileJson) as ProjectProfile;
  for (const vocabulary of DAC_VOCABULARIES) {
    const chosen = sectors.filter((s) => s.vocabulary === vocabulary);
    if (chosen.length > 0)
      return chosen.map((s) => ({ key: s.code, share: new Decimal(s.percentage).div(100) }));
  }
  return [];
}

/** A sum of sector shares to the currency's minor digits (half to even); other sums are exact already. */
const rounded = (sum: Decimal, currency: string): string =>
  sum.toDecimalPlaces(currencyMinorDigits(currency) ?? 2, Decimal.ROUND_HALF_EVEN).toFixed();

/**
 * Totals per group and currency of every standing transaction (the figures of the financial summary, without
 * budgets). By region: the project's region. By funder: the provider (org ref, else name) of incoming
 * commitments and incoming funds, the money a funder gave; other types have no funder and are left out.
 * By sector: each transaction split over the project's DAC sectors by their percentages (dacShares), as
 * IATI's own statistics apportion it; each share is exact, only the total per group is rounded (half to
 * even) to the currency's minor digits, so sector totals may differ from the project's by a cent. Summed
 * with decimal.js in the query, over the rows of one read transaction.
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
      'p.profile',
    ])
    .where('t.reversalDate', 'is', null)
    .execute();
  const groups = new Map<
    string,
    { key: string; currency: string; projects: Set<string>; sums: Record<Figure, Decimal> }
  >();
  const add = (key: string, row: (typeof rows)[number], share: Decimal | null) => {
    const type = row.type as TransactionType;
    const id = `${key}\u0000${row.currency}`;
    const group = groups.get(id) ?? {
      key,
      currency: row.currency,
      projects: new Set<string>(),
      sums: Object.fromEntries(FIGURES.map((f) => [f, new Decimal(0)])) as Record<Figure, Decimal>,
    };
    groups.set(id, group);
    group.projects.add(row.projectId);
    const amount = share === null ? new Decimal(row.amount) : new Decimal(row.amount).times(share);
    for (const figure of FIGURES)
      if ((SUMMARY_TYPES[figure] as readonly TransactionType[]).includes(type))
        group.sums[figure] = group.sums[figure].plus(amount);
  };
  for (const row of rows) {
    const type = row.type as TransactionType;
    if (groupBy === 'region') add(row.region, row, null);
    else if (groupBy === 'funder') {
      const funder = FUNDED_BY.includes(type) ? (row.providerRef ?? row.providerName) : null;
      if (funder !== null) add(funder, row, null);
    } else for (const { key, share } of dacShares(row.profile)) add(key, row, share);
  }
  return [...groups.values()]
    .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1))
    .map((g) => ({
      key: g.key,
      currency: g.currency,
      projects: g.projects.size,
      ...(Object.fromEntries(
        FIGURES.map((f) => [f, formatAmount(rounded(g.sums[f], g.currency), g.currency)]),
      ) as Record<Figure, string>),
    }));
}
