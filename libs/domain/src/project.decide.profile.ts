import type { ProfileCommand } from './project.profile.commands';
import type { Decision } from './project.decision';
import type { ProjectSnapshot } from './project.state';
import type { ParticipatingOrg, ParticipatingOrgFields } from './project.profile.types';
import { reject } from './project.rejections';

const accept = (...events: Extract<Decision, { ok: true }>['events']): Decision => ({ ok: true, events });

/** Two entries name one organisation in one role when their refs match, or, without refs, their names. */
export function orgKey(org: ParticipatingOrgFields): string {
  return `${org.role}|${org.ref ?? `name:${org.name.trim().toLowerCase()}`}`;
}

/** The `orgId` the ledger gives the n-th organisation of a project. */
export const orgIdOf = (n: number): string => `org-${n}`;

const fieldsOf = (org: ParticipatingOrgFields): ParticipatingOrgFields => ({
  role: org.role,
  name: org.name,
  ref: org.ref,
  type: org.type,
  activityId: org.activityId,
});

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function duplicate(
  state: ProjectSnapshot,
  org: ParticipatingOrgFields,
  except: string | null,
): Decision | null {
  const clash = state.participatingOrgs.find((o) => o.orgId !== except && orgKey(o) === orgKey(org));
  if (!clash) return null;
  return reject(
    'PROJECT.ORG_DUPLICATE',
    `Project ${state.projectId} already lists ${clash.name} as ${clash.role} organisation (${clash.orgId}).`,
  );
}

function find(state: ProjectSnapshot, orgId: string): ParticipatingOrg | Decision {
  const org = state.participatingOrgs.find((o) => o.orgId === orgId);
  return (
    org ??
    reject('PROJECT.ORG_NOT_FOUND', `Project ${state.projectId} has no participating organisation ${orgId}.`)
  );
}

const isDecision = (value: ParticipatingOrg | Decision): value is Decision => 'ok' in value;

/** Participating organisations, sectors, humanitarian flag and locations of a live (non-terminal) project. */
export function decideProfile(command: ProfileCommand, state: ProjectSnapshot): Decision {
  const { projectId } = command.data;
  switch (command.type) {
    case 'AddParticipatingOrg': {
      const org = fieldsOf(command.data);
      const clash = duplicate(state, org, null);
      if (clash) return clash;
      return accept({
        type: 'ParticipatingOrgAdded',
        data: { projectId, orgId: orgIdOf(state.orgSequence + 1), ...org },
      });
    }
    case 'ChangeParticipatingOrg': {
      const current = find(state, command.data.orgId);
      if (isDecision(current)) return current;
      const org = fieldsOf(command.data);
      const previous = fieldsOf(current);
      if (sameJson(org, previous)) {
        return reject(
          'PROJECT.ORG_UNCHANGED',
          `Project ${projectId} already lists ${current.orgId} with exactly these fields; a change must change something.`,
        );
      }
      const clash = duplicate(state, org, current.orgId);
      if (clash) return clash;
      return accept({
        type: 'ParticipatingOrgChanged',
        data: { projectId, orgId: current.orgId, ...org, previous },
      });
    }
    case 'RemoveParticipatingOrg': {
      const current = find(state, command.data.orgId);
      if (isDecision(current)) return current;
      return accept({
        type: 'ParticipatingOrgRemoved',
        data: { projectId, orgId: current.orgId, reason: command.data.reason },
      });
    }
    case 'ChangeProjectSectors':
      if (sameJson(command.data.sectors, state.sectors)) return unchanged(projectId, 'sectors');
      return accept({ type: 'ProjectSectorsChanged', data: { projectId, sectors: command.data.sectors } });
    case 'ChangeHumanitarianFlag':
      if (command.data.humanitarian === state.humanitarian) return unchanged(projectId, 'humanitarian flag');
      return accept({
        type: 'HumanitarianFlagChanged',
        data: { projectId, humanitarian: command.data.humanitarian },
      });
    case 'ChangeProjectLocations': {
      const { recipientCountries, locations } = command.data;
      if (
        sameJson(
          { recipientCountries, locations },
          { recipientCountries: state.recipientCountries, locations: state.locations },
        )
      ) {
        return unchanged(projectId, 'recipient countries and locations');
      }
      return accept({ type: 'ProjectLocationsChanged', data: { projectId, recipientCountries, locations } });
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command type ${(unknown as { type: string }).type}`);
    }
  }
}

function unchanged(projectId: string, what: string): Decision {
  return reject(
    'PROJECT.PROFILE_UNCHANGED',
    `Project ${projectId} already has exactly these ${what}; a change must change something.`,
  );
}
