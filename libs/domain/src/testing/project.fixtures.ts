import type {
  CancelProject,
  CompleteProject,
  CreateProject,
  ExtendProject,
  ResumeProject,
  ReviseProjectBudget,
  StartProject,
  SuspendProject,
} from '../project.commands';
import type {
  ProjectBudgetRevised,
  ProjectCancelled,
  ProjectCompleted,
  ProjectCreated,
  ProjectCreatedData,
  ProjectEvent,
  ProjectExtended,
  ProjectResumed,
  ProjectStarted,
  ProjectSuspended,
} from '../project.events';
import type { BudgetReason, Money } from '../project.types';
import { formatAmount, subtractDecimal } from '../money';
import { MONGOLIA_PROJECT } from '../examples/mongolia.example';

/** Test data builders. Defaults follow the real Mongolia record (Projects ID TC.0789). */
export const PROJECT_ID = MONGOLIA_PROJECT.projectId;
/** Well after the project's dates, so date rules only fire where a test moves `now` on purpose. */
export const NOW = '2020-06-15T12:00:00Z';

export const usd = (amount: string): Money => ({ amount, currency: 'USD' });

export const mongoliaData = (overrides: Partial<ProjectCreatedData> = {}): ProjectCreatedData => ({
  ...MONGOLIA_PROJECT,
  budget: { ...MONGOLIA_PROJECT.budget },
  benefitingMemberStates: [...MONGOLIA_PROJECT.benefitingMemberStates],
  ...overrides,
});

// Events
export const projectCreated = (overrides: Partial<ProjectCreatedData> = {}): ProjectCreated => ({
  type: 'ProjectCreated',
  data: mongoliaData(overrides),
});
export const projectStarted = (actualStart = '2014-03'): ProjectStarted => ({
  type: 'ProjectStarted',
  data: { projectId: PROJECT_ID, actualStart },
});
export const projectCompleted = (actualEnd = '2016-11'): ProjectCompleted => ({
  type: 'ProjectCompleted',
  data: { projectId: PROJECT_ID, actualEnd },
});
export const budgetRevised = (
  data: Partial<ProjectBudgetRevised['data']> &
    Pick<ProjectBudgetRevised['data'], 'previous' | 'amount' | 'delta'>,
): ProjectBudgetRevised => ({
  type: 'ProjectBudgetRevised',
  data: {
    projectId: PROJECT_ID,
    currency: 'USD',
    reason: 'additional-funding',
    effectiveDate: '2020-06-15',
    note: null,
    ...data,
  },
});
export const projectSuspended = (reason = 'Border crossings closed'): ProjectSuspended => ({
  type: 'ProjectSuspended',
  data: { projectId: PROJECT_ID, reason },
});
export const projectResumed = (reason: string | null = null): ProjectResumed => ({
  type: 'ProjectResumed',
  data: { projectId: PROJECT_ID, reason },
});
export const projectCancelled = (reason = 'Donor withdrew funding'): ProjectCancelled => ({
  type: 'ProjectCancelled',
  data: { projectId: PROJECT_ID, reason },
});
export const projectExtended = (
  previousPlannedEnd: string,
  plannedEnd: string,
  reason = 'Delays',
): ProjectExtended => ({
  type: 'ProjectExtended',
  data: { projectId: PROJECT_ID, previousPlannedEnd, plannedEnd, reason },
});

// Commands
export const createProject = (overrides: Partial<ProjectCreatedData> = {}, now = NOW): CreateProject => ({
  type: 'CreateProject',
  data: mongoliaData(overrides),
  now,
});
export const startProject = (actualStart = '2014-03', now = NOW): StartProject => ({
  type: 'StartProject',
  data: { projectId: PROJECT_ID, actualStart },
  now,
});
export const completeProject = (actualEnd = '2016-11', now = NOW): CompleteProject => ({
  type: 'CompleteProject',
  data: { projectId: PROJECT_ID, actualEnd },
  now,
});
export const reviseBudget = (
  args: {
    amount: string;
    currency?: string;
    reason?: BudgetReason;
    effectiveDate?: string | null;
    note?: string | null;
  },
  now = NOW,
): ReviseProjectBudget => ({
  type: 'ReviseProjectBudget',
  data: {
    projectId: PROJECT_ID,
    budget: { amount: args.amount, currency: args.currency ?? 'USD' },
    reason: args.reason ?? 'additional-funding',
    effectiveDate: args.effectiveDate ?? null,
    note: args.note ?? null,
  },
  now,
});
export const suspendProject = (reason = 'Border crossings closed', now = NOW): SuspendProject => ({
  type: 'SuspendProject',
  data: { projectId: PROJECT_ID, reason },
  now,
});
export const resumeProject = (reason: string | null = null, now = NOW): ResumeProject => ({
  type: 'ResumeProject',
  data: { projectId: PROJECT_ID, reason },
  now,
});
export const cancelProject = (reason = 'Donor withdrew funding', now = NOW): CancelProject => ({
  type: 'CancelProject',
  data: { projectId: PROJECT_ID, reason },
  now,
});
export const extendProject = (plannedEnd = '2017', reason = 'Delays', now = NOW): ExtendProject => ({
  type: 'ExtendProject',
  data: { projectId: PROJECT_ID, plannedEnd, reason },
  now,
});

/** A history that leaves the project in each status. */
export const HISTORIES: Record<
  'none' | 'planned' | 'active' | 'suspended' | 'completed' | 'cancelled',
  ProjectEvent[]
> = {
  none: [],
  planned: [projectCreated()],
  active: [projectCreated(), projectStarted()],
  suspended: [projectCreated(), projectStarted(), projectSuspended()],
  completed: [projectCreated(), projectStarted(), projectCompleted()],
  cancelled: [projectCreated(), projectCancelled()],
};

/** An active project whose budget was revised to each amount in turn (USD, 2 digits). */
export function projectBudgetHistory(amounts: string[]): ProjectEvent[] {
  const events: ProjectEvent[] = [projectCreated(), projectStarted()];
  let previous = '200000.00';
  for (const amount of amounts) {
    events.push(
      budgetRevised({ previous, amount, delta: formatAmount(subtractDecimal(amount, previous), 'USD') }),
    );
    previous = amount;
  }
  return events;
}
