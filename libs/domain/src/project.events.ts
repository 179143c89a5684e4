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

/**
 * Fields an auditor-approved correction may set. The budget is not among them: a wrong budget is fixed by
 * a budget revision with reason "correction", so budget history stays a sum of deltas.
 */
export const CORRECTABLE_FIELDS = [
  'title',
  'description',
  'primaId',
  'projectType',
  'fundingYear',
  'plannedStart',
  'plannedEnd',
  'region',
  'coverage',
  'benefitingMemberStates',
  'actualStart',
  'actualEnd',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** Corrected values, normalised like ProjectCreated's (member states as alpha-2 codes). */
export type CorrectedValues = Partial<
  Pick<ProjectCreatedData, Exclude<CorrectableField, 'actualStart' | 'actualEnd'>> & {
    actualStart: PartialDate;
    actualEnd: PartialDate;
  }
>;

/** A recorded fact was wrong: the named event stays in history, these values replace what it said. */
export type ProjectRecordCorrected = {
  type: 'ProjectRecordCorrected';
  data: {
    projectId: string;
    /** The event being corrected (its id and stream revision). */
    correctedEventId: string;
    correctedRevision: number;
    /** The new values. */
    values: CorrectedValues;
    /** What the project said for the same fields just before the correction. */
    previous: Partial<Record<CorrectableField, unknown>>;
    reason: string;
    /** Who approved the correction (an auditor); the sender is in the event's metadata. */
    approvedBy: string;
  };
};

export type ProjectEvent =
  | ProjectCreated
  | ProjectStarted
  | ProjectCompleted
  | ProjectBudgetRevised
  | ProjectSuspended
  | ProjectResumed
  | ProjectCancelled
  | ProjectExtended
  | ProjectRecordCorrected;

export type ProjectEventType = ProjectEvent['type'];

/**
 * Every event type once. An object rather than an array so the compiler refuses a missing or unknown
 * type: adding an event to the union without listing it here does not build.
 */
const EVENT_TYPE_LIST = {
  ProjectCreated: true,
  ProjectStarted: true,
  ProjectCompleted: true,
  ProjectBudgetRevised: true,
  ProjectSuspended: true,
  ProjectResumed: true,
  ProjectCancelled: true,
  ProjectExtended: true,
  ProjectRecordCorrected: true,
} as const satisfies Record<ProjectEventType, true>;

export const PROJECT_EVENT_TYPES = Object.keys(EVENT_TYPE_LIST) as readonly ProjectEventType[];

/** Name of the event stream of one project. */
export const projectStreamId = (projectId: string): string => `project-${projectId}`;
export const PROJECT_STREAM_PREFIX = 'project-';
