import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { COUNTRY_NAME_ALIASES } from './country-aliases.policy';

countries.registerLocale(english);

/** Fold case, accents, apostrophes and punctuation so "Cote d’Ivoire" meets "Côte d'Ivoire". */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(COUNTRY_NAME_ALIASES).map(([name, code]) => [fold(name), code]),
);
const ALPHA2: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/**
 * ISO 3166-1 alpha-2 code of a benefiting member state given as an alpha-2 or alpha-3 code (any case),
 * an English name, or a UN-style name ("Viet Nam"); null when it names no country we know.
 */
export function countryCode(nameOrCode: string): string | null {
  const input = nameOrCode.trim();
  if (input.length === 0) return null;
  if (/^[A-Za-z]{2}$/.test(input)) {
    const code = input.toUpperCase();
    return ALPHA2.has(code) ? code : null;
  }
  if (/^[A-Za-z]{3}$/.test(input)) return countries.alpha3ToAlpha2(input.toUpperCase()) ?? null;
  const alias = ALIASES.get(fold(input));
  if (alias) return alias;
  return countries.getAlpha2Code(input, 'en') ?? countries.getSimpleAlpha2Code(input, 'en') ?? null;
}
