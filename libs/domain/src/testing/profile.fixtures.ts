import type {
  AddParticipatingOrg,
  ChangeHumanitarianFlag,
  ChangeParticipatingOrg,
  ChangeProjectLocations,
  ChangeProjectSectors,
  RemoveParticipatingOrg,
} from '../project.profile.commands';
import type { ParticipatingOrgAdded } from '../project.profile.events';
import type {
  ParticipatingOrgFields,
  ProjectLocation,
  RecipientCountry,
  Sector,
} from '../project.profile.types';
import { NOW, PROJECT_ID } from './project.fixtures';

/** A funder as a real IOM activity names it: a foreign ministry, with its own id of the activity. */
export const FUNDER: ParticipatingOrgFields = {
  role: 'funding',
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
  activityId: 'JP-2014-MN-01',
};
export const IMPLEMENTER: ParticipatingOrgFields = {
  role: 'implementing',
  name: 'International Organization for Migration',
  ref: 'XM-DAC-47066',
  type: '40',
  activityId: null,
};

export const DAC_SECTORS: Sector[] = [
  { vocabulary: '1', code: '15190', percentage: '60', vocabularyUri: null },
  { vocabulary: '1', code: '15210', percentage: '40', vocabularyUri: null },
];
export const MONGOLIA_COUNTRY: RecipientCountry[] = [{ country: 'MN', percentage: '100' }];
export const ULAANBAATAR: ProjectLocation = {
  name: 'IOM country office, Ulaanbaatar',
  ref: null,
  point: { latitude: 47.9184, longitude: 106.9177 },
  administrative: [{ vocabulary: 'A4', code: 'MN', level: 0 }],
};

export const orgAdded = (orgId: string, org: ParticipatingOrgFields = FUNDER): ParticipatingOrgAdded => ({
  type: 'ParticipatingOrgAdded',
  data: { projectId: PROJECT_ID, orgId, ...org },
});

export const addOrg = (org: ParticipatingOrgFields = FUNDER, now = NOW): AddParticipatingOrg => ({
  type: 'AddParticipatingOrg',
  data: { projectId: PROJECT_ID, ...org },
  now,
});
export const changeOrg = (orgId: string, org: ParticipatingOrgFields, now = NOW): ChangeParticipatingOrg => ({
  type: 'ChangeParticipatingOrg',
  data: { projectId: PROJECT_ID, orgId, ...org },
  now,
});
export const removeOrg = (
  orgId: string,
  reason: string | null = null,
  now = NOW,
): RemoveParticipatingOrg => ({
  type: 'RemoveParticipatingOrg',
  data: { projectId: PROJECT_ID, orgId, reason },
  now,
});
export const changeSectors = (sectors: Sector[] = DAC_SECTORS, now = NOW): ChangeProjectSectors => ({
  type: 'ChangeProjectSectors',
  data: { projectId: PROJECT_ID, sectors },
  now,
});
export const changeHumanitarian = (humanitarian = true, now = NOW): ChangeHumanitarianFlag => ({
  type: 'ChangeHumanitarianFlag',
  data: { projectId: PROJECT_ID, humanitarian },
  now,
});
export const changeLocations = (
  recipientCountries: RecipientCountry[] = MONGOLIA_COUNTRY,
  locations: ProjectLocation[] = [ULAANBAATAR],
  now = NOW,
): ChangeProjectLocations => ({
  type: 'ChangeProjectLocations',
  data: { projectId: PROJECT_ID, recipientCountries, locations },
  now,
});
