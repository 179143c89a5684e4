import { z } from 'zod';
import { countryCode } from '../country-code';
import { formatPercentage } from '../money';
import type { FieldError, Validated } from '../project.decision';
import type { ProfileCommand } from '../project.profile.commands';
import type {
  ParticipatingOrgFields,
  ProjectLocation,
  RecipientCountry,
  Sector,
} from '../project.profile.types';
import { orgKey } from '../project.decide.profile';
import {
  duplicateEntryErrors,
  locationSchema,
  participatingOrgSchema,
  recipientCountrySchema,
  sectorCodeErrors,
  sectorSchema,
  shareErrors,
} from './profile-schemas';
import { reasonSchema } from './field-schemas';
import { fieldIsValid, own, parseWith } from './parse-with';

type DataOf<T extends ProfileCommand['type']> = Omit<
  Extract<ProfileCommand, { type: T }>['data'],
  'projectId'
>;

/** The profile lists a CreateProject body may carry; each defaults to empty (humanitarian to false). */
export const profileShape = {
  participatingOrgs: z.array(participatingOrgSchema).max(100).nullish(),
  sectors: z.array(sectorSchema).max(100).nullish(),
  humanitarian: z.boolean().nullish(),
  recipientCountries: z.array(recipientCountrySchema).max(250).nullish(),
  locations: z.array(locationSchema).max(500).nullish(),
};

const list = (body: Record<string, unknown>, key: string): unknown[] | null => {
  const value = own(body, key);
  return Array.isArray(value) ? value : null;
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Rules across entries of the profile lists: known DAC codes, shares summing to 100, no duplicates. */
export function profileCrossChecks(
  body: Record<string, unknown>,
  found: readonly FieldError[],
): FieldError[] {
  const errors: FieldError[] = [];
  const shareValid = (field: string) => (i: number) => fieldIsValid(found, `${field}[${i}].percentage`);
  const orgs = list(body, 'participatingOrgs');
  if (orgs) {
    errors.push(
      ...duplicateEntryErrors('participatingOrgs', orgs, (o) =>
        typeof o.role === 'string' && typeof o.name === 'string'
          ? orgKey({
              role: o.role,
              name: o.name,
              ref: typeof o.ref === 'string' ? o.ref : null,
            } as ParticipatingOrgFields)
          : null,
      ),
    );
  }
  const sectors = list(body, 'sectors');
  if (sectors) {
    errors.push(...sectorCodeErrors('sectors', sectors));
    errors.push(
      ...duplicateEntryErrors('sectors', sectors, (s) => `${str(s.vocabulary)}|${str(s.code).trim()}`),
    );
    errors.push(...shareErrors('sectors', sectors, (s) => str(s.vocabulary), shareValid('sectors')));
  }
  const countries = list(body, 'recipientCountries');
  if (countries) {
    errors.push(
      ...duplicateEntryErrors('recipientCountries', countries, (c) =>
        typeof c.country === 'string' ? countryCode(c.country) : null,
      ),
    );
    errors.push(...shareErrors('recipientCountries', countries, () => '', shareValid('recipientCountries')));
  }
  return errors;
}

type OrgInput = z.output<typeof participatingOrgSchema>;
type SectorInput = z.output<typeof sectorSchema>;
type CountryInput = z.output<typeof recipientCountrySchema>;
type LocationInput = z.output<typeof locationSchema>;

export const toOrg = (o: OrgInput): ParticipatingOrgFields => ({
  role: o.role,
  name: o.name,
  ref: o.ref ?? null,
  type: o.type ?? null,
  activityId: o.activityId ?? null,
});

/** A sole sector of its vocabulary without a percentage has all of it. */
export const toSectors = (sectors: readonly SectorInput[]): Sector[] =>
  sectors.map((s) => ({
    vocabulary: s.vocabulary,
    code: s.code,
    percentage: formatPercentage(s.percentage ?? '100'),
    vocabularyUri: s.vocabularyUri ?? null,
  }));

export const toCountries = (countries: readonly CountryInput[]): RecipientCountry[] =>
  countries.map((c) => ({
    country: countryCode(c.country) as string,
    percentage: formatPercentage(c.percentage ?? '100'),
  }));

export const toLocations = (locations: readonly LocationInput[]): ProjectLocation[] =>
  locations.map((l) => ({
    name: l.name,
    ref: l.ref ?? null,
    point: l.point ? { latitude: l.point.latitude, longitude: l.point.longitude } : null,
    administrative: (l.administrative ?? []).map((a) => ({
      vocabulary: a.vocabulary,
      code: a.code,
      level: a.level ?? null,
    })),
  }));

const orgIdSchema = z.string().regex(/^org-[1-9]\d{0,5}$/);

export function parseAddOrg(body: unknown): Validated<DataOf<'AddParticipatingOrg'>> {
  return parseWith(participatingOrgSchema, body, () => [], toOrg);
}

/** `orgId` comes from the URL; the transport puts it into the body it hands over. */
export function parseChangeOrg(body: unknown): Validated<DataOf<'ChangeParticipatingOrg'>> {
  const schema = participatingOrgSchema.extend({ orgId: orgIdSchema });
  return parseWith(
    schema,
    body,
    () => [],
    (b) => ({ orgId: b.orgId, ...toOrg(b) }),
  );
}

export function parseRemoveOrg(body: unknown): Validated<DataOf<'RemoveParticipatingOrg'>> {
  const schema = z.object({ orgId: orgIdSchema, reason: reasonSchema.nullish() }).strict();
  return parseWith(
    schema,
    body,
    () => [],
    (b) => ({ orgId: b.orgId, reason: b.reason ?? null }),
  );
}

export function parseChangeSectors(body: unknown): Validated<DataOf<'ChangeProjectSectors'>> {
  const schema = z.object({ sectors: z.array(sectorSchema).max(100) }).strict();
  return parseWith(schema, body, profileCrossChecks, (b) => ({ sectors: toSectors(b.sectors) }));
}

export function parseChangeHumanitarian(body: unknown): Validated<DataOf<'ChangeHumanitarianFlag'>> {
  return parseWith(
    z.object({ humanitarian: z.boolean() }).strict(),
    body,
    () => [],
    (b) => b,
  );
}

export function parseChangeLocations(body: unknown): Validated<DataOf<'ChangeProjectLocations'>> {
  const schema = z
    .object({
      recipientCountries: z.array(recipientCountrySchema).max(250),
      locations: z.array(locationSchema).max(500),
    })
    .strict();
  return parseWith(schema, body, profileCrossChecks, (b) => ({
    recipientCountries: toCountries(b.recipientCountries),
    locations: toLocations(b.locations),
  }));
}
