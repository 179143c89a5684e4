import Decimal from 'decimal.js';
import { STATS_DIMENSIONS } from '../read-model.port';
import type { ProjectsTable, ProjectStatsTable } from '../schema/read-model.tables';

/** A change to one statistics bucket: projects and total are differences, not new values. */
export interface StatsDelta {
  dimension: string;
  key: string;
  currency: string;
  projects: number;
  total: string;
}

function contributions(row: ProjectsTable | null, sign: 1 | -1): StatsDelta[] {
  if (!row) return [];
  const amount = sign === 1 ? row.budgetAmount : new Decimal(row.budgetAmount).negated().toFixed();
  return STATS_DIMENSIONS.map((dimension) => ({
    dimension,
    key: String(row[dimension]),
    currency: row.budgetCurrency,
    projects: sign,
    total: amount,
  }));
}

/**
 * How a project's change moves the statistics: remove what the old row counted, add what the new one
 * counts. Buckets that cancel out are dropped, so a budget revision touches four buckets and a status
 * change two.
 */
export function statsDelta(before: ProjectsTable | null, after: ProjectsTable): StatsDelta[] {
  const merged = new Map<string, StatsDelta>();
  for (const delta of [...contributions(before, -1), ...contributions(after, 1)]) {
    const id = `${delta.dimension}\u0000${delta.key}\u0000${delta.currency}`;
    const seen = merged.get(id);
    merged.set(
      id,
      seen
        ? {
            ...seen,
            projects: seen.projects + delta.projects,
            total: new Decimal(seen.total).plus(delta.total).toFixed(),
          }
        : delta,
    );
  }
  return [...merged.values()].filter((d) => d.projects !== 0 || !new Decimal(d.total).isZero());
}

/** The bucket after a delta, or null when no project is left in it (so rebuilds never keep empty rows). */
export function applyStatsDelta(
  current: ProjectStatsTable | undefined,
  delta: StatsDelta,
): ProjectStatsTable | null {
  const projects = (current?.projects ?? 0) + delta.projects;
  const total = new Decimal(current?.total ?? '0').plus(delta.total).toFixed();
  if (projects < 0) throw new Error(`Statistics bucket ${delta.dimension}=${delta.key} would go below zero`);
  if (projects === 0) return null;
  return { dimension: delta.dimension, key: delta.key, currency: delta.currency, projects, total };
}
