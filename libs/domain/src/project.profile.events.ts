import type {
  ParticipatingOrg,
  ParticipatingOrgFields,
  ProjectLocation,
  RecipientCountry,
  Sector,
} from './project.profile.types';

export type ParticipatingOrgAdded = {
  type: 'ParticipatingOrgAdded';
  data: { projectId: string } & ParticipatingOrg;
};
/** Every field of the organisation after the change, and what they were before. */
export type ParticipatingOrgChanged = {
  type: 'ParticipatingOrgChanged';
  data: { projectId: string } & ParticipatingOrg & { previous: ParticipatingOrgFields };
};
export type ParticipatingOrgRemoved = {
  type: 'ParticipatingOrgRemoved';
  data: { projectId: string; orgId: string; reason: string | null };
};
/** The whole list of sectors, replacing the previous one. */
export type ProjectSectorsChanged = {
  type: 'ProjectSectorsChanged';
  data: { projectId: string; sectors: Sector[] };
};
export type HumanitarianFlagChanged = {
  type: 'HumanitarianFlagChanged';
  data: { projectId: string; humanitarian: boolean };
};
/** The whole lists of recipient countries and sub-national locations, replacing the previous ones. */
export type ProjectLocationsChanged = {
  type: 'ProjectLocationsChanged';
  data: { projectId: string; recipientCountries: RecipientCountry[]; locations: ProjectLocation[] };
};

export type ProfileEvent =
  | ParticipatingOrgAdded
  | ParticipatingOrgChanged
  | ParticipatingOrgRemoved
  | ProjectSectorsChanged
  | HumanitarianFlagChanged
  | ProjectLocationsChanged;
