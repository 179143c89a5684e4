import type { ProfileEvent } from './project.profile.events';
import type { ParticipatingOrg } from './project.profile.types';
import type { ProjectSnapshot } from './project.state';
import type { TransactionEvent } from './transaction.events';

/** The highest n among `org-<n>` ids, so the next organisation added gets a fresh one. */
export function orgSequenceOf(orgs: readonly ParticipatingOrg[]): number {
  return orgs.reduce((max, org) => Math.max(max, Number(/^org-(\d+)$/.exec(org.orgId)?.[1] ?? 0)), 0);
}

/** State after a profile event. Lists are replaced, never mutated. */
export function evolveProfile(state: ProjectSnapshot, event: ProfileEvent): ProjectSnapshot {
  switch (event.type) {
    case 'ParticipatingOrgAdded': {
      const { projectId: _, ...org } = event.data;
      const participatingOrgs = [...state.participatingOrgs, org];
      return { ...state, participatingOrgs, orgSequence: Math.max(state.orgSequence, orgSequenceOf([org])) };
    }
    case 'ParticipatingOrgChanged': {
      const { projectId: _, previous: __, ...org } = event.data;
      return {
        ...state,
        participatingOrgs: state.participatingOrgs.map((o) => (o.orgId === org.orgId ? org : o)),
      };
    }
    case 'ParticipatingOrgRemoved':
      return {
        ...state,
        participatingOrgs: state.participatingOrgs.filter((o) => o.orgId !== event.data.orgId),
      };
    case 'ProjectSectorsChanged':
      return { ...state, sectors: structuredClone(event.data.sectors) };
    case 'HumanitarianFlagChanged':
      return { ...state, humanitarian: event.data.humanitarian };
    case 'ProjectLocationsChanged':
      return {
        ...state,
        recipientCountries: structuredClone(event.data.recipientCountries),
        locations: structuredClone(event.data.locations),
      };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event type ${(unknown as { type: string }).type}`);
    }
  }
}

/** State after a transaction event: a reversal marks its original, which keeps its place in the list. */
export function evolveTransaction(state: ProjectSnapshot, event: TransactionEvent): ProjectSnapshot {
  if (event.type === 'TransactionRecorded') {
    const { projectId: _, ...transaction } = structuredClone(event.data);
    return { ...state, transactions: [...state.transactions, { ...transaction, reversal: null }] };
  }
  const { ref, date, reason } = event.data;
  if (!state.transactions.some((t) => t.ref === ref)) {
    throw new Error(
      `TransactionReversed for project ${event.data.projectId} names unknown transaction ${ref}`,
    );
  }
  return {
    ...state,
    transactions: state.transactions.map((t) => (t.ref === ref ? { ...t, reversal: { date, reason } } : t)),
  };
}
