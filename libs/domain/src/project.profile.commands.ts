import type {
  ParticipatingOrgFields,
  ProjectLocation,
  RecipientCountry,
  Sector,
} from './project.profile.types';

export type AddParticipatingOrg = {
  type: 'AddParticipatingOrg';
  data: { projectId: string } & ParticipatingOrgFields;
  now: string;
};
/** Replaces every field of the organisation `orgId`. */
export type ChangeParticipatingOrg = {
  type: 'ChangeParticipatingOrg';
  data: { projectId: string; orgId: string } & ParticipatingOrgFields;
  now: string;
};
export type RemoveParticipatingOrg = {
  type: 'RemoveParticipatingOrg';
  data: { projectId: string; orgId: string; reason: string | null };
  now: string;
};
export type ChangeProjectSectors = {
  type: 'ChangeProjectSectors';
  data: { projectId: string; sectors: Sector[] };
  now: string;
};
export type ChangeHumanitarianFlag = {
  type: 'ChangeHumanitarianFlag';
  data: { projectId: string; humanitarian: boolean };
  now: string;
};
export type ChangeProjectLocations = {
  type: 'ChangeProjectLocations';
  data: { projectId: string; recipientCountries: RecipientCountry[]; locations: ProjectLocation[] };
  now: string;
};

export type ProfileCommand =
  | AddParticipatingOrg
  | ChangeParticipatingOrg
  | RemoveParticipatingOrg
  | ChangeProjectSectors
  | ChangeHumanitarianFlag
  | ChangeProjectLocations;
