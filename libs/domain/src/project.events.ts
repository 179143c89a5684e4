import type { BudgetReason, Coverage, Money, PartialDate, Region } from './project.types';

/** Fields a project is created with. */
export interface ProjectCreatedData {
  /** The publisher's project code (e.g. `TC.0789`); identity of the stream `project-<projectId>`. */
  projectId: string;
  /** Prima ID: the organisation's internal project-management identifier (e.g. `MN10P0001`). */
  primaId: string | null;
  title: string;
  description: string | null;
  /** Project type code, e.g. `TCMMCB`. */
  projectType: string;
  coverage: Coverage;
  region: Region;
  fundingYear: number;
  plannedStart: PartialDate;
  plannedEnd: PartialDate;
  budget: Money;
  /** ISO 3166-1 alpha-2 codes, no duplicates, in the order given. */
  benefitingMemberStates: string[];
}

export type ProjectCreated = { type: 'ProjectCreated'; data: ProjectCreatedData };
export type ProjectStarted = {
  type: 'ProjectStarted';
  data: { projectId: string; actualStart: PartialDate };
};
export type ProjectCompleted = {
  type: 'ProjectCompleted';
  data: { projectId: string; actualEnd: PartialDate };
};
export type ProjectBudgetRevised = {
  type: 'ProjectBudgetRevised';
  data: {
    projectId: string;
    /** Budget amount before this revision (decimal string). */
    previous: string;
    /** New budget amount (decimal string). */
    amount: string;
    /** amount - previous (decimal string, may be negative). */
    delta: string;
    currency: string;
    reason: BudgetReason;
    /** The date the revision takes effect (YYYY-MM-DD); defaults to the command's date. */
    effectiveDate: string;
    note: string | null;
  };
};
export type ProjectSuspended = { type: 'ProjectSuspended'; data: { projectId: string; reason: string } };
export type ProjectResumed = { type: 'ProjectResumed'; data: { projectId: string; reason: string | null } };
export type ProjectCancelled = { type: 'ProjectCancelled'; data: { projectId: string; reason: string } };
export type ProjectExtended = {
  type: 'ProjectExtended';
  data: { projectId: string; previousPlannedEnd: PartialDate; plannedEnd: PartialDate; reason: string };
};

export type ProjectEvent =
  | ProjectCreated
  | ProjectStarted
  | ProjectCompleted
  | ProjectBudgetRevised
  | ProjectSuspended
  | ProjectResumed
  | ProjectCancelled
  | ProjectExtended;

export type ProjectEventType = ProjectEvent['type'];

export const PROJECT_EVENT_TYPES: readonly ProjectEventType[] = [
  'ProjectCreated',
  'ProjectStarted',
  'ProjectCompleted',
  'ProjectBudgetRevised',
  'ProjectSuspended',
  'ProjectResumed',
  'ProjectCancelled',
  'ProjectExtended',
];

/** Name of the event stream of one project. */
export const projectStreamId = (projectId: string): string => `project-${projectId}`;
export const PROJECT_STREAM_PREFIX = 'project-';
