import { DAC_REGION_REGIONS, regionOfCountries } from '@ledger/domain/country-region.policy';
import { REGIONS, regionSlug, type Coverage, type Region } from '@ledger/domain';
import { ACTIVITY_DATE, REPORTING_ORG_VOCABULARY, coverageFromIatiScope } from '../iati.codes';
import { fromIatiDate } from '../iati-dates';
import { projectIdOf } from './project-id.import';
import type { IatiActivityInput } from './iati-activity.input';

/**
 * What an activity must carry before it can become a project (identifier, region, project type, dates),
 * and how each is derived where the file does not say it directly.
 */

export interface ImportOptions {
  /** IDF region for every activity, whatever its recipient countries and regions say (CLI --region). */
  region?: Region;
}

const PROJECT_TYPE = /^[A-Z0-9]{2,16}$/;

/** A vocabulary-99 recipient-region naming an IDF region by slug or name ("asia-and-oceania", "Asia and Oceania"). */
export function regionFromIati(activity: IatiActivityInput): Region | null {
  for (const r of activity.regions.filter((x) => x.vocabulary === REPORTING_ORG_VOCABULARY)) {
    const found = REGIONS.find(
      (name) =>
        regionSlug(name) === regionSlug(r.code) ||
        (r.narrative !== null && regionSlug(name) === regionSlug(r.narrative)),
    );
    if (found) return found;
  }
  return null;
}

export const dateOf = (activity: IatiActivityInput, type: string): string | null => {
  const d = activity.dates.find((x) => x.type === type);
  return d ? fromIatiDate(d.isoDate, d.precision ?? undefined) : null;
};

/** The region: --region, else a vocabulary-99 region, else a DAC region (vocabulary 1), else the countries. */
export function regionOf(
  activity: IatiActivityInput,
  options: ImportOptions,
): { region: Region; from: string } | null {
  if (options.region) return { region: options.region, from: '--region' };
  const own = regionFromIati(activity);
  if (own) return { region: own, from: 'recipient-region vocabulary 99' };
  const dac = activity.regions
    .filter((r) => r.vocabulary === '1')
    .map((r) => DAC_REGION_REGIONS[r.code])
    .filter((r) => r !== undefined);
  if (dac.length > 0 && dac.every((r) => r === dac[0]))
    return { region: dac[0], from: 'recipient-region vocabulary 1 (DAC)' };
  const byCountry = regionOfCountries(activity.countries);
  return byCountry ? { region: byCountry, from: `recipient-country ${activity.countries.join(', ')}` } : null;
}

/** Project type: the reporting organisation's own sector code (vocabulary 99), else DAC 5-digit, else any. */
export function projectTypeOf(activity: IatiActivityInput): { code: string; vocabulary: string } | null {
  const fits = activity.sectors.filter((s) => PROJECT_TYPE.test(s.code));
  return (
    fits.find((s) => s.vocabulary === REPORTING_ORG_VOCABULARY) ??
    fits.find((s) => s.vocabulary === '1') ??
    fits[0] ??
    null
  );
}

export interface Basics {
  identifier: string;
  projectId: string;
  region: Region;
  projectType: string;
  plannedStart: string;
  plannedEnd: string;
  notes: string[];
}

/** What an activity must carry before any command can be built; a string says why it cannot. */
export function basicsOf(activity: IatiActivityInput, options: ImportOptions): Basics | string {
  if (!activity.iatiIdentifier) return 'no iati-identifier';
  if (!activity.reportingOrgRef) return 'no reporting-org/@ref';
  const id = projectIdOf(activity.iatiIdentifier, activity.reportingOrgRef, activity.previousOrgRefs);
  if (!id) return `no project code can be made from the iati-identifier "${activity.iatiIdentifier}"`;
  const notes = id.note ? [id.note] : [];
  const region = regionOf(activity, options);
  if (!region)
    return 'no region: neither a known recipient-region nor recipient countries of one region (see the country-region policy); give --region';
  if (region.from !== 'recipient-region vocabulary 99')
    notes.push(`region ${region.region} from ${region.from}`);
  const projectType = projectTypeOf(activity);
  if (!projectType) return 'no sector whose code can be a project type (2-16 capitals or digits)';
  if (projectType.vocabulary !== REPORTING_ORG_VOCABULARY)
    notes.push(`project type ${projectType.code} from the sector of vocabulary ${projectType.vocabulary}`);
  const plannedStart =
    dateOf(activity, ACTIVITY_DATE.plannedStart) ?? dateOf(activity, ACTIVITY_DATE.actualStart);
  const plannedEnd = dateOf(activity, ACTIVITY_DATE.plannedEnd) ?? dateOf(activity, ACTIVITY_DATE.actualEnd);
  if (!plannedStart || !plannedEnd) return 'no start and end (activity-date types 1 or 2, and 3 or 4)';
  if (!dateOf(activity, ACTIVITY_DATE.plannedStart)) notes.push('planned start taken from the actual start');
  if (!dateOf(activity, ACTIVITY_DATE.plannedEnd)) notes.push('planned end taken from the actual end');
  return {
    identifier: activity.iatiIdentifier,
    projectId: id.projectId,
    region: region.region,
    projectType: projectType.code,
    plannedStart,
    plannedEnd,
    notes,
  };
}

/** activity-scope, or (absent) the number of recipient countries: 1 national, 2+ multi-national, 0 global. */
export function coverageOf(activity: Pick<IatiActivityInput, 'scopeCode' | 'countries'>): Coverage {
  const fromScope = activity.scopeCode ? coverageFromIatiScope(activity.scopeCode) : null;
  if (fromScope) return fromScope;
  return activity.countries.length === 1
    ? 'national'
    : activity.countries.length > 1
      ? 'multi-national'
      : 'global';
}
