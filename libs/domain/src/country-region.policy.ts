import countries from 'world-countries';
import type { Region } from './project.types';

/**
 * Country -> region (policy). The default comes from the UN geoscheme sub-region each country belongs to, as
 * the world-countries package records it; the overrides below follow the organisation's own regional
 * structure where it differs from the UN's (Arab states of Western Asia and North Africa form one region;
 * the Caucasus, Turkey, Cyprus and Israel are served from Europe; Mexico is in Latin America). Edit the two
 * tables to move a country: nothing else decides a region.
 */
export const SUBREGION_REGIONS: Readonly<Record<string, Region | null>> = {
  'Eastern Africa': 'Africa',
  'Middle Africa': 'Africa',
  'Southern Africa': 'Africa',
  'Western Africa': 'Africa',
  'Northern Africa': 'Middle East and North Africa',
  Caribbean: 'Latin America and the Caribbean',
  'Central America': 'Latin America and the Caribbean',
  'South America': 'Latin America and the Caribbean',
  // The organisation has no North America region: such a country needs --region (or a recipient region).
  'North America': null,
  'Central Asia': 'Asia and Oceania',
  'Eastern Asia': 'Asia and Oceania',
  'South-Eastern Asia': 'Asia and Oceania',
  'Southern Asia': 'Asia and Oceania',
  'Western Asia': 'Middle East and North Africa',
  'Central Europe': 'Europe',
  'Eastern Europe': 'Europe',
  'Northern Europe': 'Europe',
  'Southeast Europe': 'Europe',
  'Southern Europe': 'Europe',
  'Western Europe': 'Europe',
  'Australia and New Zealand': 'Asia and Oceania',
  Melanesia: 'Asia and Oceania',
  Micronesia: 'Asia and Oceania',
  Polynesia: 'Asia and Oceania',
};

/** Countries whose region is not their sub-region's (ISO 3166-1 alpha-2). */
export const COUNTRY_REGION_OVERRIDES: Readonly<Record<string, Region>> = {
  AM: 'Europe',
  AZ: 'Europe',
  CY: 'Europe',
  GE: 'Europe',
  IL: 'Europe',
  TR: 'Europe',
  MX: 'Latin America and the Caribbean',
};

const BY_COUNTRY: ReadonlyMap<string, Region | null> = new Map(
  countries.map((c) => [c.cca2, COUNTRY_REGION_OVERRIDES[c.cca2] ?? SUBREGION_REGIONS[c.subregion] ?? null]),
);

/** The region of one country (alpha-2, any case); null when the policy places it in none. */
export function regionOfCountry(code: string): Region | null {
  return BY_COUNTRY.get(code.toUpperCase()) ?? null;
}

/**
 * The region of a project from its countries: their common region; Global when they span several regions
 * (a multi-regional project is run as a global one); null when there is no country or one has no region.
 */
export function regionOfCountries(codes: readonly string[]): Region | null {
  if (codes.length === 0) return null;
  const regions = new Set(codes.map(regionOfCountry));
  if (regions.has(null)) return null;
  return regions.size === 1 ? ([...regions][0] as Region) : 'Global';
}

/**
 * IATI recipient-region codes of vocabulary 1 (OECD DAC regions) -> region (policy). DAC regions that
 * straddle two of the organisation's regions (e.g. 689 South & Central Asia, or 1031 Caribbean & Central
 * America, which sit in one) are placed in the one that holds them; 998 "developing countries, unspecified"
 * is Global.
 */
export const DAC_REGION_REGIONS: Readonly<Record<string, Region>> = {
  '89': 'Europe',
  '189': 'Middle East and North Africa',
  '289': 'Africa',
  '298': 'Africa',
  '380': 'Latin America and the Caribbean',
  '389': 'Latin America and the Caribbean',
  '489': 'Latin America and the Caribbean',
  '498': 'Latin America and the Caribbean',
  '589': 'Middle East and North Africa',
  '619': 'Asia and Oceania',
  '679': 'Asia and Oceania',
  '689': 'Asia and Oceania',
  '789': 'Asia and Oceania',
  '798': 'Asia and Oceania',
  '889': 'Asia and Oceania',
  '998': 'Global',
  '1027': 'Africa',
  '1028': 'Africa',
  '1029': 'Africa',
  '1030': 'Africa',
  '1031': 'Latin America and the Caribbean',
  '1032': 'Latin America and the Caribbean',
  '1033': 'Latin America and the Caribbean',
  '1034': 'Asia and Oceania',
  '1035': 'Asia and Oceania',
};
