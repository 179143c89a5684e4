import type {
  CompleteProject,
  ExtendProject,
  ProjectCommand,
  ReviseProjectBudget,
  StartProject,
} from './project.commands';
import type { Decision } from './project.decision';
import type { ProjectState, ProjectSnapshot } from './project.state';
import { compareDecimal, formatAmount, subtractDecimal } from './money';
import { comparePartialDates, utcDateOf } from './partial-date';
import { describeStatus, reject } from './project.rejections';
import { decideCorrection } from './project.correction';
import { decideProfile, orgIdOf } from './project.decide.profile';
import { decideTransaction } from './project.decide.transactions';

const accept = (...events: Extract<Decision, { ok: true }>['events']): Decision => ({ ok: true, events });

/** Past participle of each command, for messages: "cannot be started". */
const DONE: Record<ProjectCommand['type'], string> = {
  CreateProject: 'created',
  StartProject: 'started',
  CompleteProject: 'completed',
  ReviseProjectBudget: 'given a revised budget',
  SuspendProject: 'suspended',
  ResumeProject: 'resumed',
  CancelProject: 'cancelled',
  ExtendProject: 'extended',
  CorrectProjectRecord: 'corrected',
  AddParticipatingOrg: 'given a participating organisation',
  ChangeParticipatingOrg: 'given changes to a participating organisation',
  RemoveParticipatingOrg: 'changed by removing a participating organisation',
  ChangeProjectSectors: 'given new sectors',
  ChangeHumanitarianFlag: 'given a new humanitarian flag',
  ChangeProjectLocations: 'given new locations',
  RecordTransaction: 'given a transaction',
  ReverseTransaction: 'given a reversal',
};

/**
 * Decides what a command means for a project: the events it produces, or why it is refused.
 * Pure: time comes from `command.now`, the data is already validated (see parseCommandInput).
 */
export function decide(command: ProjectCommand, state: ProjectState): Decision {
  const projectId = command.data.projectId;
  if (state.status === 'none') {
    if (command.type === 'CreateProject') {
      // Events hold canonical amounts ("200000.00"), so later `previous` values match the stored budget exactly.
      const { budget, participatingOrgs } = command.data;
      const data = {
        ...command.data,
        budget: { ...budget, amount: formatAmount(budget.amount, budget.currency) },
        // The ledger names each organisation so later commands can change or remove it.
        participatingOrgs: participatingOrgs.map((org, i) => ({ orgId: orgIdOf(i + 1), ...org })),
      };
      return accept({ type: 'ProjectCreated', data });
    }
    return reject(
      'PROJECT.NOT_FOUND',
      `Project ${projectId} does not exist; it must be created before it can be ${DONE[command.type]}.`,
    );
  }
  // Corrections fix the record of any project, finished ones included: that is what auditors need.
  if (command.type === 'CorrectProjectRecord') return decideCorrection(command, state);
  // Finished projects still take transactions within their closing window (final expenditure reports).
  if (command.type === 'RecordTransaction' || command.type === 'ReverseTransaction') {
    return decideTransaction(command, state);
  }
  if (state.status === 'completed' || state.status === 'cancelled') {
    return reject(
      'PROJECT.TERMINAL',
      `Project ${projectId} is ${state.status}; ${state.status} projects cannot change, so it cannot be ${DONE[command.type]}.`,
    );
  }
  switch (command.type) {
    case 'CreateProject':
      return reject(
        'PROJECT.ALREADY_EXISTS',
        `Project ${projectId} already exists; a project is created once.`,
      );
    case 'StartProject':
      return start(command, state);
    case 'CompleteProject':
      return complete(command, state);
    case 'ReviseProjectBudget':
      return reviseBudget(command, state);
    case 'SuspendProject':
      if (state.status !== 'active') return notActive(state, 'suspended');
      return accept({ type: 'ProjectSuspended', data: { projectId, reason: command.data.reason } });
    case 'ResumeProject':
      if (state.status !== 'suspended') {
        return reject(
          'PROJECT.NOT_SUSPENDED',
          `Project ${projectId} is ${describeStatus(state.status)}; only a suspended project can be resumed.`,
        );
      }
      return accept({ type: 'ProjectResumed', data: { projectId, reason: command.data.reason } });
    case 'CancelProject':
      return accept({ type: 'ProjectCancelled', data: { projectId, reason: command.data.reason } });
    case 'ExtendProject':
      return extend(command, state);
    case 'AddParticipatingOrg':
    case 'ChangeParticipatingOrg':
    case 'RemoveParticipatingOrg':
    case 'ChangeProjectSectors':
    case 'ChangeHumanitarianFlag':
    case 'ChangeProjectLocations':
      return decideProfile(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command type ${(unknown as { type: string }).type}`);
    }
  }
}

function notActive(state: ProjectSnapshot, what: string): Decision {
  return reject(
    'PROJECT.NOT_ACTIVE',
    `Project ${state.projectId} is ${describeStatus(state.status)}; only an active project can be ${what}.`,
  );
}

function start(command: StartProject, state: ProjectSnapshot): Decision {
  const { projectId, actualStart } = command.data;
  if (state.status !== 'planned') {
    return reject(
      'PROJECT.NOT_PLANNED',
      `Project ${projectId} is ${describeStatus(state.status)}; only a planned project can be started.`,
    );
  }
  const today = utcDateOf(command.now);
  if (comparePartialDates(actualStart, today) > 0) {
    return reject(
      'PROJECT.START_IN_FUTURE',
      `Project ${projectId} cannot start on ${actualStart}: the actual start date may not be after today (${today}).`,
    );
  }
  return accept({ type: 'ProjectStarted', data: { projectId, actualStart } });
}

function complete(command: CompleteProject, state: ProjectSnapshot): Decision {
  const { projectId, actualEnd } = command.data;
  if (state.status !== 'active' || state.actualStart === null) return notActive(state, 'completed');
  if (comparePartialDates(actualEnd, state.actualStart) < 0) {
    return reject(
      'PROJECT.END_BEFORE_START',
      `Project ${projectId} cannot end on ${actualEnd}: it started on ${state.actualStart} and may not end before it started.`,
    );
  }
  const today = utcDateOf(command.now);
  if (comparePartialDates(actualEnd, today) > 0) {
    return reject(
      'PROJECT.END_IN_FUTURE',
      `Project ${projectId} cannot be completed on ${actualEnd}: the actual end date may not be after today (${today}).`,
    );
  }
  return accept({ type: 'ProjectCompleted', data: { projectId, actualEnd } });
}

function reviseBudget(command: ReviseProjectBudget, state: ProjectSnapshot): Decision {
  const { projectId, budget, reason, effectiveDate, note } = command.data;
  const current = state.budget;
  if (budget.currency !== current.currency) {
    return reject(
      'PROJECT.CURRENCY_MISMATCH',
      `Project ${projectId} is budgeted in ${current.currency}; a revision in ${budget.currency} must be converted first.`,
    );
  }
  if (compareDecimal(budget.amount, current.amount) === 0) {
    return reject(
      'PROJECT.BUDGET_UNCHANGED',
      `Project ${projectId} already has a budget of ${current.amount} ${current.currency}; a revision must change the amount.`,
    );
  }
  const amount = formatAmount(budget.amount, current.currency);
  const previous = formatAmount(current.amount, current.currency);
  return accept({
    type: 'ProjectBudgetRevised',
    data: {
      projectId,
      previous,
      amount,
      delta: formatAmount(subtractDecimal(amount, previous), current.currency),
      currency: current.currency,
      reason,
      effectiveDate: effectiveDate ?? utcDateOf(command.now),
      note,
    },
  });
}

function extend(command: ExtendProject, state: ProjectSnapshot): Decision {
  const { projectId, plannedEnd, reason } = command.data;
  if (comparePartialDates(plannedEnd, state.plannedEnd) <= 0) {
    return reject(
      'PROJECT.EXTENSION_NOT_LATER',
      `Project ${projectId} is planned to end ${state.plannedEnd}; an extension must move the end later than that, not to ${plannedEnd}.`,
    );
  }
  return accept({
    type: 'ProjectExtended',
    data: { projectId, previousPlannedEnd: state.plannedEnd, plannedEnd, reason },
  });
}
