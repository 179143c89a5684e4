import type { Transaction } from 'kysely';
import {
  summariseFinances,
  transactionTypeCode,
  type TransactionParty,
  type TransactionType,
} from '@ledger/domain';
import type {
  FinanceSummary,
  TransactionPage,
  TransactionQuery,
  TransactionView,
} from '../transactions.port';
import type { ProjectTransactionsTable, ReadModelDatabase } from '../schema/read-model.tables';

type Trx = Transaction<ReadModelDatabase>;

const party = (
  name: string | null,
  ref: string | null,
  activityId: string | null,
): TransactionParty | null => (name === null ? null : { name, ref, activityId });

function toView(row: ProjectTransactionsTable): TransactionView {
  const type = row.type as TransactionType;
  return {
    ref: row.ref,
    type,
    typeCode: transactionTypeCode(type),
    date: row.date,
    value: { amount: row.amount, currency: row.currency },
    valueDate: row.valueDate,
    provider: party(row.providerName, row.providerRef, row.providerActivityId),
    receiver: party(row.receiverName, row.receiverRef, row.receiverActivityId),
    description: row.description,
    reversal: row.reversalDate === null ? null : { date: row.reversalDate, reason: row.reversalReason ?? '' },
    position: Number(row.position),
    recordedAt: row.recordedAt,
  };
}

async function projectExists(trx: Trx, projectId: string) {
  return trx
    .selectFrom('projects')
    .select(['budgetAmount', 'budgetCurrency'])
    .where('projectId', '=', projectId)
    .executeTakeFirst();
}

/** A project's transactions in (date, ref) order, filtered, one keyset page; null when no such project. */
export async function listTransactions(
  trx: Trx,
  projectId: string,
  query: TransactionQuery,
): Promise<TransactionPage | null> {
  if (!(await projectExists(trx, projectId))) return null;
  let select = trx.selectFrom('projectTransactions').selectAll().where('projectId', '=', projectId);
  if (query.type) select = select.where('type', '=', query.type);
  if (query.from) select = select.where('date', '>=', query.from);
  if (query.to) select = select.where('date', '<=', query.to);
  const org = query.organisation;
  if (org) {
    select = select.where((eb) =>
      eb.or([
        eb('providerRef', '=', org),
        eb('receiverRef', '=', org),
        eb('providerName', '=', org),
        eb('receiverName', '=', org),
      ]),
    );
  }
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([eb('date', '>', after.date), eb.and([eb('date', '=', after.date), eb('ref', '>', after.ref)])]),
    );
  }
  const rows = await select
    .orderBy('date')
    .orderBy('ref')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(toView);
  const last = items[items.length - 1];
  return { items, next: rows.length > query.limit && last ? { date: last.date, ref: last.ref } : null };
}

/** The financial summary per currency (the domain's definition), or null when no such project. */
export async function projectFinances(trx: Trx, projectId: string): Promise<FinanceSummary[] | null> {
  const project = await projectExists(trx, projectId);
  if (!project) return null;
  const rows = await trx
    .selectFrom('projectTransactions')
    .select(['type', 'date', 'amount', 'currency', 'reversalDate'])
    .where('projectId', '=', projectId)
    .execute();
  return summariseFinances(
    { amount: project.budgetAmount, currency: project.budgetCurrency },
    rows.map((r) => ({
      type: r.type as TransactionType,
      date: r.date,
      value: { amount: r.amount, currency: r.currency },
      reversal: r.reversalDate,
    })),
  );
}
