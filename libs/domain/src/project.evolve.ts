import type { ProjectEvent } from './project.events';
import { initialState, type ProjectSnapshot, type ProjectState } from './project.state';
import { evolveProfile, evolveTransaction, orgSequenceOf } from './project.evolve.profile';

export { initialState };

/** Events are facts already decided: an event that cannot follow the state means a corrupt stream. */
function existing(state: ProjectState, event: ProjectEvent): ProjectSnapshot {
  if (state.status === 'none') {
    throw new Error(`${event.type} for project ${event.data.projectId} arrived before ProjectCreated`);
  }
  return state;
}

/** The state after one event. Pure: returns a new object and never mutates `state`. */
export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectCreated': {
      if (state.status !== 'none') {
        throw new Error(`ProjectCreated for project ${event.data.projectId}, which already exists`);
      }
      const { budget, benefitingMemberStates, ...rest } = structuredClone(event.data);
      return {
        ...rest,
        benefitingMemberStates,
        orgSequence: orgSequenceOf(rest.participatingOrgs),
        transactions: [],
        status: 'planned',
        initialBudget: { ...budget },
        budget: { ...budget },
        budgetRevisionCount: 0,
        actualStart: null,
        actualEnd: null,
        statusReason: null,
      };
    }
    case 'ProjectStarted':
      return { ...existing(state, event), status: 'active', actualStart: event.data.actualStart };
    case 'ProjectCompleted':
      return {
        ...existing(state, event),
        status: 'completed',
        actualEnd: event.data.actualEnd,
        statusReason: null,
      };
    case 'ProjectBudgetRevised': {
      const project = existing(state, event);
      return {
        ...project,
        budget: { amount: event.data.amount, currency: event.data.currency },
        budgetRevisionCount: project.budgetRevisionCount + 1,
      };
    }
    case 'ProjectSuspended':
      return { ...existing(state, event), status: 'suspended', statusReason: event.data.reason };
    case 'ProjectResumed':
      return { ...existing(state, event), status: 'active', statusReason: null };
    case 'ProjectCancelled':
      return { ...existing(state, event), status: 'cancelled', statusReason: event.data.reason };
    case 'ProjectExtended':
      return { ...existing(state, event), plannedEnd: event.data.plannedEnd };
    case 'ProjectRecordCorrected': {
      const { benefitingMemberStates, ...values } = event.data.values;
      const corrected = { ...existing(state, event), ...values };
      return benefitingMemberStates
        ? { ...corrected, benefitingMemberStates: [...benefitingMemberStates] }
        : corrected;
    }
    case 'ParticipatingOrgAdded':
    case 'ParticipatingOrgChanged':
    case 'ParticipatingOrgRemoved':
    case 'ProjectSectorsChanged':
    case 'HumanitarianFlagChanged':
    case 'ProjectLocationsChanged':
      return evolveProfile(existing(state, event), event);
    case 'TransactionRecorded':
    case 'TransactionReversed':
      return evolveTransaction(existing(state, event), event);
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event type ${(unknown as { type: string }).type}`);
    }
  }
}

/** The state of a project after all its events, oldest first. */
export function foldProject(events: readonly ProjectEvent[]): ProjectState {
  return events.reduce(evolve, initialState);
}
