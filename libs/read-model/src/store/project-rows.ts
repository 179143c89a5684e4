import Decimal from 'decimal.js';
import { currencyMinorDigits, type ProjectProfile } from '@ledger/domain';
import type { BudgetRevisionView, BudgetStat, ProjectView, StatsDimension } from '../read-model.port';
import type { BudgetRevisionsTable, ProjectsTable, ProjectStatsTable } from '../schema/read-model.tables';

export function toProjectView(row: ProjectsTable): ProjectView {
  return {
    projectId: row.projectId,
    primaId: row.primaId,
    title: row.title,
    description: row.description,
    projectType: row.projectType,
    coverage: row.coverage,
    region: row.region,
    fundingYear: Number(row.fundingYear),
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    status: row.status,
    statusReason: row.statusReason,
    budget: { amount: money(row.budgetAmount, row.budgetCurrency), currency: row.budgetCurrency },
    initialBudget: {
      amount: money(row.initialBudgetAmount, row.budgetCurrency),
      currency: row.budgetCurrency,
    },
    budgetRevisionCount: Number(row.budgetRevisionCount),
    benefitingMemberStates: JSON.parse(row.memberStates) as string[],
    profile: row.profile === null ? null : (JSON.parse(row.profile) as ProjectProfile),
    revision: Number(row.revision),
    lastPosition: Number(row.lastPosition),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toBudgetRevisionView(row: BudgetRevisionsTable): BudgetRevisionView {
  return {
    revisionNo: Number(row.revisionNo),
    position: Number(row.position),
    previous: money(row.previous, row.currency),
    amount: money(row.amount, row.currency),
    delta: money(row.delta, row.currency),
    currency: row.currency,
    reason: row.reason,
    effectiveDate: row.effectiveDate,
    note: row.note,
    recordedAt: row.recordedAt,
  };
}

export function toBudgetStat(row: ProjectStatsTable, dimension: StatsDimension): BudgetStat {
  return {
    key: dimension === 'fundingYear' ? Number(row.key) : row.key,
    projects: Number(row.projects),
    budget: { currency: row.currency, total: money(row.total, row.currency) },
  };
}

/** Exact amount written with at least the currency's minor digits ("200000" USD -> "200000.00"). */
export function money(amount: string, currency: string): string {
  const value = new Decimal(amount);
  return value.toFixed(Math.max(currencyMinorDigits(currency) ?? 2, value.decimalPlaces()));
}
