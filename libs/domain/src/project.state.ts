import type { ProjectCreatedData } from './project.events';
import type { Money, PartialDate, ProjectStatus } from './project.types';
import type { LedgerTransaction } from './transaction.types';

/** What we know of an existing project after folding its events. */
export interface ProjectSnapshot extends Omit<ProjectCreatedData, 'budget'> {
  status: ProjectStatus;
  /** Budget as first approved (revision 0 of the budget). */
  initialBudget: Money;
  /** Current budget: initialBudget + the sum of every revision's delta. */
  budget: Money;
  budgetRevisionCount: number;
  actualStart: PartialDate | null;
  actualEnd: PartialDate | null;
  /** Why the project is suspended / was cancelled, when it is. */
  statusReason: string | null;
  /** Number of the last `orgId` given (`org-<n>`), so a removed organisation's id is never reused. */
  orgSequence: number;
  /** Every transaction recorded, in the order recorded; reversed ones keep their place and say so. */
  transactions: LedgerTransaction[];
}

/** State is a union on status: `none` before the project's first event. */
export type ProjectState = { status: 'none' } | ProjectSnapshot;

export const initialState: ProjectState = { status: 'none' };
