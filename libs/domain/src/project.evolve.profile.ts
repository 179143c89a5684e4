import type { ProfileEvent } from './project.profile.events';
import type { ParticipatingOrg, ProjectProfile } from './project.profile.types';
import type { ProjectSnapshot } from './project.state';
import type { TransactionEvent } from './transaction.events';

/** The highest n among `org-<n>` ids, so the next organisation added gets a fresh one. */
export function orgSequenceOf(orgs: readonly ParticipatingOrg[]): number {
  return orgs.reduce((max, org) => Math.max(max, Number(/^org-(\d+)$/.exec(org.orgId)?.[1] ?? 0)), 0);
}

/** The profile fields of a state (or of a ProjectCreated payload). */
export function profileOf(source: ProjectProfile): ProjectProfile {
  const { participatingOrgs, sectors, humanitarian, recipientCountries, locations } = source;
  return { participatingOrgs, sectors, humanitarian, recipientCountries, locations };
}

/**
 * The profile after a profile event: the one fold of these events, used by the aggregate and by the read
 * model. Lists are replaced, never mutated.
 */
export function profileAfter(profile: ProjectProfile, event: ProfileEvent): ProjectProfile {
  switch (event.type) {
    case 'ParticipatingOrgAdded': {
      const { projectId: _, ...org } = event.data;
      return { ...profile, participatingOrgs: [...profile.participatingOrgs, org] };
    }
    case 'ParticipatingOrgChanged': {
      const { projectId: _, previous: __, ...org } = event.data;
      return {
        ...profile,
        participatingOrgs: profile.participatingOrgs.map((o) => (o.orgId === org.orgId ? org : o)),
      };
    }
    case 'ParticipatingOrgRemoved':
      return {
        ...profile,
        participatingOrgs: profile.participatingOrgs.filter((o) => o.orgId !== event.data.orgId),
      };
    case 'ProjectSectorsChanged':
      return { ...profile, sectors: structuredClone(event.data.sectors) };
    case 'HumanitarianFlagChanged':
      return { ...profile, humanitarian: event.data.humanitarian };
    case 'ProjectLocationsChanged':
      return {
        ...profile,
        recipientCountries: structuredClone(event.data.recipientCountries),
        locations: structuredClone(event.data.locations),
      };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event type ${(unknown as { type: string }).type}`);
    }
  }
}

/** State after a profile event; an added organisation also moves the sequence its ids are drawn from. */
export function evolveProfile(state: ProjectSnapshot, event: ProfileEvent): ProjectSnapshot {
  const orgSequence =
    event.type === 'ParticipatingOrgAdded'
      ? Math.max(state.orgSequence, orgSequenceOf([event.data]))
      : state.orgSequence;
  return { ...state, ...profileAfter(profileOf(state), event), orgSequence };
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
