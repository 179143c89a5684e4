import {
  foldProject,
  toProjectEvent,
  type BudgetReason,
  type ProjectSnapshot,
  type ProjectStatus,
  type Region,
} from '@ledger/domain';

/** One budget revision as IATI can show it: a revised (type 2) budget valued on its effective date. */
export interface IatiBudgetRevision {
  amount: string;
  currency: string;
  effectiveDate: string;
  reason: BudgetReason;
}

/** What the export needs of one project: its folded state plus the budget history the state does not keep. */
export interface IatiProjectRecord {
  project: ProjectSnapshot;
  revisions: IatiBudgetRevision[];
  /** When the project's last event was recorded (ISO instant), for last-updated-datetime. */
  lastUpdated: string | null;
}

/** The part of a stored event the export reads (RecordedEvent fits). */
export interface StoredProjectEvent {
  type: string;
  data: unknown;
  metadata?: { recordedAt?: string; schemaVersion?: unknown };
}

/**
 * Folds a project's events (oldest first) with the domain's evolve. Revisions on the same effective date
 * collapse to the last of that day: IATI tells revised budgets apart by value-date only.
 */
export function projectRecordFromEvents(events: readonly StoredProjectEvent[]): IatiProjectRecord | null {
  const domainEvents = events.map(toProjectEvent);
  const state = foldProject(domainEvents);
  if (state.status === 'none') return null;
  const byDate = new Map<string, IatiBudgetRevision>();
  for (const event of domainEvents) {
    if (event.type !== 'ProjectBudgetRevised') continue;
    const { data } = event;
    byDate.delete(data.effectiveDate);
    byDate.set(data.effectiveDate, {
      amount: data.amount,
      currency: data.currency,
      effectiveDate: data.effectiveDate,
      reason: data.reason,
    });
  }
  const revisions = [...byDate.values()].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const lastUpdated = events.length > 0 ? (events[events.length - 1].metadata?.recordedAt ?? null) : null;
  return { project: state, revisions, lastUpdated };
}

/** Which projects an export holds; an absent or empty list does not restrict. */
export interface IatiExportFilter {
  status?: ProjectStatus[];
  region?: Region[];
  projectIds?: string[];
}

export function matchesFilter(record: IatiProjectRecord, filter: IatiExportFilter): boolean {
  const { project } = record;
  if (filter.status?.length && !filter.status.includes(project.status)) return false;
  if (filter.region?.length && !filter.region.includes(project.region)) return false;
  if (filter.projectIds?.length && !filter.projectIds.includes(project.projectId)) return false;
  return true;
}
