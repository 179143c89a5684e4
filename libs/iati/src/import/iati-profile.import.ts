import { parseCommandInput, type ProjectLocation, type RecipientCountry, type Sector } from '@ledger/domain';
import type { IatiActivityInput, IatiLocationInput } from './iati-activity.input';

/** What the domain holds of a list, and each part it refused with the reason (that part stays verbatim). */
export interface Holding<T> {
  held: T[];
  refused: { element: string; reason: string }[];
}

/** A placeholder project id: the lists are checked before the project exists. */
const CHECK_ID = 'XX.0000';

const reasonOf = (errors: readonly { field: string; message: string }[]) =>
  errors.map((e) => e.message).join('; ');

/**
 * The sectors the domain accepts (`ChangeProjectSectors`), one vocabulary at a time: a vocabulary whose codes
 * are not all in the codelist, or whose shares do not sum to 100, is refused as a whole (holding part of it
 * would change the shares). The project-type sector our own export writes is no sector field.
 */
export function holdableSectors(activity: Pick<IatiActivityInput, 'sectors'>): Holding<Sector> {
  const sectors = activity.sectors.filter((s) => !s.projectTypeOnly);
  const vocabularies = [...new Set(sectors.map((s) => s.vocabulary))];
  const accepted = new Set<string>();
  const refused: Holding<Sector>['refused'] = [];
  for (const vocabulary of vocabularies) {
    const group = sectors.filter((s) => s.vocabulary === vocabulary);
    const parsed = parseCommandInput('ChangeProjectSectors', CHECK_ID, {
      sectors: group.map((s) => ({
        vocabulary: s.vocabulary,
        code: s.code,
        percentage: s.percentage,
        vocabularyUri: s.vocabularyUri,
      })),
    });
    if (parsed.ok) accepted.add(vocabulary);
    else
      refused.push({
        element: `sector vocabulary ${vocabulary}`,
        reason: `not held in the sectors field, kept verbatim: ${reasonOf(parsed.errors)}`,
      });
  }
  const kept = sectors.filter((s) => accepted.has(s.vocabulary));
  const parsed = parseCommandInput('ChangeProjectSectors', CHECK_ID, {
    sectors: kept.map((s) => ({
      vocabulary: s.vocabulary,
      code: s.code,
      percentage: s.percentage,
      vocabularyUri: s.vocabularyUri,
    })),
  });
  return { held: parsed.ok ? parsed.value.sectors : [], refused };
}

/** A point as IATI writes it ("latitude longitude", WGS84); null when absent or not two numbers. */
function pointOf(pos: string | null): { latitude: number; longitude: number } | null | 'bad' {
  if (pos === null) return null;
  const parts = pos.trim().split(/\s+/);
  if (parts.length !== 2 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return 'bad';
  return { latitude: Number(parts[0]), longitude: Number(parts[1]) };
}

const levelOf = (level: string | null): number | null | string =>
  level === null ? null : /^\d+$/.test(level) ? Number(level) : level;

function locationBody(location: IatiLocationInput): Record<string, unknown> | string {
  const point = pointOf(location.pos);
  if (point === 'bad') return `point/pos "${location.pos}" is not "latitude longitude"`;
  return {
    name: location.name,
    ref: location.ref,
    point,
    administrative: location.administrative.map((a) => ({
      vocabulary: a.vocabulary,
      code: a.code,
      level: levelOf(a.level),
    })),
  };
}

/**
 * The recipient-country shares and sub-national locations the domain accepts (`ChangeProjectLocations`).
 * Countries are one list whose shares sum to 100: held all together or refused all together. Locations are
 * checked one by one. Shares our own export computed (an even split, marked `ledger:computed`) are no field.
 */
export function holdableLocations(activity: Pick<IatiActivityInput, 'countryShares' | 'locations'>): {
  countries: RecipientCountry[];
  locations: ProjectLocation[];
  refused: Holding<never>['refused'];
} {
  const refused: Holding<never>['refused'] = [];
  let countries: RecipientCountry[] = [];
  const shares = activity.countryShares;
  if (shares.length > 0 && !shares.some((c) => c.computed)) {
    const parsed = parseCommandInput('ChangeProjectLocations', CHECK_ID, {
      recipientCountries: shares.map((c) => ({ country: c.code, percentage: c.percentage })),
      locations: [],
    });
    if (parsed.ok) countries = parsed.value.recipientCountries;
    else
      refused.push({
        element: 'recipient-country',
        reason: `shares not held in the recipient countries field, kept verbatim: ${reasonOf(parsed.errors)}`,
      });
  }
  const locations: ProjectLocation[] = [];
  activity.locations.forEach((location, i) => {
    const body = locationBody(location);
    const parsed =
      typeof body === 'string'
        ? body
        : parseCommandInput('ChangeProjectLocations', CHECK_ID, {
            recipientCountries: [],
            locations: [body],
          });
    if (typeof parsed !== 'string' && parsed.ok) locations.push(...parsed.value.locations);
    else
      refused.push({
        element: `location #${i + 1}`,
        reason: `not held in the locations field, kept verbatim: ${typeof parsed === 'string' ? parsed : reasonOf(parsed.errors)}`,
      });
  });
  return { countries, locations, refused };
}
