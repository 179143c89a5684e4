/**
 * Who takes part in a project, what it is about and where it happens: the IATI activity fields beyond the
 * project page (participating-org, sector, recipient-country, location, @humanitarian).
 */

/** IATI OrganisationRole codes 1-4, in code order: index + 1 is the IATI code. */
export const ORG_ROLES = ['funding', 'accountable', 'extending', 'implementing'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const orgRoleCode = (role: OrgRole): string => String(ORG_ROLES.indexOf(role) + 1);
export const orgRoleFromCode = (code: string): OrgRole | null => ORG_ROLES[Number(code) - 1] ?? null;

/** An organisation as a request names it. */
export interface ParticipatingOrgFields {
  role: OrgRole;
  name: string;
  /** IATI organisation identifier, e.g. `XM-DAC-701-2` (registration agency prefix + id). */
  ref: string | null;
  /** IATI OrganisationType code, e.g. `10` (Government). */
  type: string | null;
  /** The organisation's own identifier of this activity, for tracing funds across publishers. */
  activityId: string | null;
}

/** A participating organisation of a project: `orgId` (`org-1`, `org-2`, ...) is given by the ledger, never reused. */
export interface ParticipatingOrg extends ParticipatingOrgFields {
  orgId: string;
}

/** IATI SectorVocabulary codes the ledger accepts: DAC 5-digit, DAC 3-digit, reporting organisation's own. */
export const SECTOR_VOCABULARIES = ['1', '2', '98', '99'] as const;
export type SectorVocabulary = (typeof SECTOR_VOCABULARIES)[number];

export interface Sector {
  vocabulary: SectorVocabulary;
  code: string;
  /** Decimal string 0-100; the sectors of one vocabulary sum to exactly 100. */
  percentage: string;
  /** Where the reporting organisation publishes its own vocabulary (98 / 99). */
  vocabularyUri: string | null;
}

export interface RecipientCountry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Decimal string 0-100; a project's recipient countries sum to exactly 100. */
  percentage: string;
}

/** A WGS84 point (IATI `point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"`). */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** An administrative area a location lies in, coded in an IATI GeographicVocabulary (A1 GAUL, G1 GeoNames, ...). */
export interface AdministrativeArea {
  vocabulary: string;
  code: string;
  /** Administrative level (0 = country, 1 = first-order division, ...), when known. */
  level: number | null;
}

/** A sub-national place of a project, such as a country office. */
export interface ProjectLocation {
  name: string;
  /** The publisher's own reference of the place, when it has one. */
  ref: string | null;
  point: GeoPoint | null;
  administrative: AdministrativeArea[];
}

/** The profile fields a project is created with, each list possibly empty. */
export interface ProjectProfile {
  participatingOrgs: ParticipatingOrg[];
  sectors: Sector[];
  humanitarian: boolean;
  recipientCountries: RecipientCountry[];
  locations: ProjectLocation[];
}

/** An empty profile: what a project created before profiles existed has. */
export const emptyProfile = (): ProjectProfile => ({
  participatingOrgs: [],
  sectors: [],
  humanitarian: false,
  recipientCountries: [],
  locations: [],
});
