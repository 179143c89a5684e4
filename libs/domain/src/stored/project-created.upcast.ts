import { emptyProfile, type ProjectProfile } from '../project.profile.types';

/**
 * ProjectCreated version 1 -> 2: version 2 added the profile (participating organisations, sectors,
 * humanitarian flag, recipient countries, locations). A version 1 project named none of them, so it gets an
 * empty profile. Fields a version 1 payload already has are kept, so an event written with the new fields
 * but labelled version 1 (before the event table set the version) reads the same.
 */
export function upcastProjectCreatedV1(
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> & ProjectProfile {
  const profile = emptyProfile();
  return {
    ...data,
    participatingOrgs:
      (data.participatingOrgs as ProjectProfile['participatingOrgs']) ?? profile.participatingOrgs,
    sectors: (data.sectors as ProjectProfile['sectors']) ?? profile.sectors,
    humanitarian: (data.humanitarian as boolean | undefined) ?? profile.humanitarian,
    recipientCountries:
      (data.recipientCountries as ProjectProfile['recipientCountries']) ?? profile.recipientCountries,
    locations: (data.locations as ProjectProfile['locations']) ?? profile.locations,
  };
}
