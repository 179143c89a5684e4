import { GeographicVocabulary, OrganisationType, Sector, SectorCategory } from './iati-codelists.data';
import type { CodelistEntry } from './codelist.types';

const codes = (list: readonly CodelistEntry[]): ReadonlySet<string> => new Set(list.map((e) => e.code));

/** DAC 5-digit purpose codes (sector vocabulary 1), withdrawn ones included: old activities use them. */
export const DAC_SECTOR_CODES = codes(Sector);
/** DAC 3-digit sector categories (sector vocabulary 2). */
export const DAC_SECTOR_CATEGORY_CODES = codes(SectorCategory);
/** IATI OrganisationType codes (10 Government, 21 International NGO, 40 Multilateral, ...). */
export const ORGANISATION_TYPE_CODES = codes(OrganisationType);
/** IATI GeographicVocabulary codes of administrative areas (A1 GAUL, A4 ISO country, G1 GeoNames, ...). */
export const GEOGRAPHIC_VOCABULARY_CODES = codes(GeographicVocabulary);

const names = (list: readonly CodelistEntry[]): ReadonlyMap<string, string> =>
  new Map(list.map((e) => [e.code, e.name]));
const SECTOR_NAMES = names(Sector);
const SECTOR_CATEGORY_NAMES = names(SectorCategory);

/** English name of a DAC sector (5-digit) or category (3-digit) code, or null. */
export function dacSectorName(vocabulary: '1' | '2', code: string): string | null {
  return (vocabulary === '1' ? SECTOR_NAMES : SECTOR_CATEGORY_NAMES).get(code) ?? null;
}
