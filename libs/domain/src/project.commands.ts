import type { BudgetReason, Money, PartialDate } from './project.types';
import type { CorrectedValues, ProjectCreatedData } from './project.events';
import type { ParticipatingOrgFields } from './project.profile.types';
import type { ProfileCommand } from './project.profile.commands';
import type { TransactionCommand } from './transaction.commands';

/** What a project is created with: the organisations get their `orgId` when the command is decided. */
export type CreateProjectData = Omit<ProjectCreatedData, 'participatingOrgs'> & {
  participatingOrgs: ParticipatingOrgFields[];
};

/**
 * Commands carry already-validated, normalised data (see project.validation.ts, which turns untrusted
 * input into these shapes) plus `now`: the time the command is decided at, an ISO-8601 instant.
 * The domain never reads a clock.
 */
export type CreateProject = { type: 'CreateProject'; data: CreateProjectData; now: string };
export type StartProject = {
  type: 'StartProject';
  data: { projectId: string; actualStart: PartialDate };
  now: string;
};
export type CompleteProject = {
  type: 'CompleteProject';
  data: { projectId: string; actualEnd: PartialDate };
  now: string;
};
export type ReviseProjectBudget = {
  type: 'ReviseProjectBudget';
  data: {
    projectId: string;
    budget: Money;
    reason: BudgetReason;
    effectiveDate: string | null;
    note: string | null;
  };
  now: string;
};
export type SuspendProject = {
  type: 'SuspendProject';
  data: { projectId: string; reason: string };
  now: string;
};
export type ResumeProject = {
  type: 'ResumeProject';
  data: { projectId: string; reason: string | null };
  now: string;
};
export type CancelProject = {
  type: 'CancelProject';
  data: { projectId: string; reason: string };
  now: string;
};
export type ExtendProject = {
  type: 'ExtendProject';
  data: { projectId: string; plannedEnd: PartialDate; reason: string };
  now: string;
};

/** Sent on an auditor's approval; names the event whose facts were wrong. Allowed in every status. */
export type CorrectProjectRecord = {
  type: 'CorrectProjectRecord';
  data: {
    projectId: string;
    eventId: string;
    revision: number;
    values: CorrectedValues;
    reason: string;
    approver: string;
  };
  now: string;
};

export type ProjectCommand =
  | CreateProject
  | StartProject
  | CompleteProject
  | ReviseProjectBudget
  | SuspendProject
  | ResumeProject
  | CancelProject
  | ExtendProject
  | CorrectProjectRecord
  | ProfileCommand
  | TransactionCommand;

export type ProjectCommandType = ProjectCommand['type'];
