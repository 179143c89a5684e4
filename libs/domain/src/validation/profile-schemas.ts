import { z } from 'zod';
import {
  DAC_SECTOR_CATEGORY_CODES,
  DAC_SECTOR_CODES,
  GEOGRAPHIC_VOCABULARY_CODES,
  ORGANISATION_TYPE_CODES,
} from '../codelists/iati.codelists';
import { countryCode } from '../country-code';
import { addDecimal, compareDecimal, fractionDigits, isDecimalString } from '../money';
import type { FieldError } from '../project.decision';
import { ORG_ROLES, SECTOR_VOCABULARIES } from '../project.profile.types';
import { fieldError } from './field-errors';
import { rule } from './field-schemas';

/** IATI organisation identifier: registration agency prefix (e.g. `XM-DAC`, `GB-COH`) then the id, e.g. `XM-DAC-701-2`. */
export const ORG_REF_PATTERN = /^[A-Z]{2}-[A-Za-z0-9]+-[^\s/?#&|%]+$/;
export const MAX_PERCENTAGE_DECIMALS = 4;

const text = (max: number) => z.string().trim().min(1).max(max);

export const orgRefSchema = z
  .string()
  .max(200)
  .refine(
    (v) => ORG_REF_PATTERN.test(v),
    rule(
      'INVALID_FORMAT',
      'must be an IATI organisation identifier such as "XM-DAC-701-2" (agency prefix, then the id).',
    ),
  );

export const orgTypeSchema = z
  .string()
  .refine(
    (v) => ORGANISATION_TYPE_CODES.has(v),
    rule('NOT_IN_LIST', `must be an IATI OrganisationType code: ${[...ORGANISATION_TYPE_CODES].join(', ')}.`),
  );

export const participatingOrgSchema = z
  .object({
    role: z.enum(ORG_ROLES),
    name: text(500),
    ref: orgRefSchema.nullish(),
    type: orgTypeSchema.nullish(),
    activityId: text(200).nullish(),
  })
  .strict();

/** Percentages are decimal strings like amounts, so shares sum exactly. */
export const percentageSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? undefined : 'must be a decimal string such as "100" or "33.5".',
  })
  .refine(
    (v) => isDecimalString(v) && !v.startsWith('-') && fractionDigits(v) <= MAX_PERCENTAGE_DECIMALS,
    rule(
      'INVALID_FORMAT',
      `must be a decimal string from 0 to 100 with at most ${MAX_PERCENTAGE_DECIMALS} decimals, such as "33.5".`,
    ),
  )
  .refine((v) => compareDecimal(v, '100') <= 0, rule('OUT_OF_RANGE', 'must be at most 100.'));

const vocabularyUriSchema = z
  .string()
  .max(1000)
  .refine((v) => /^https?:\/\/\S+$/.test(v), rule('INVALID_FORMAT', 'must be an http(s) URL.'));

export const sectorSchema = z
  .object({
    vocabulary: z.enum(SECTOR_VOCABULARIES),
    code: text(100),
    percentage: percentageSchema.nullish(),
    vocabularyUri: vocabularyUriSchema.nullish(),
  })
  .strict();

export const recipientCountrySchema = z
  .object({
    country: z
      .string()
      .refine(
        (v) => countryCode(v) !== null,
        rule('NOT_IN_LIST', 'must be an ISO 3166-1 country code or a country name we recognise.'),
      ),
    percentage: percentageSchema.nullish(),
  })
  .strict();

export const locationSchema = z
  .object({
    name: text(500),
    ref: text(200).nullish(),
    point: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .strict()
      .nullish(),
    administrative: z
      .array(
        z
          .object({
            vocabulary: z
              .string()
              .refine(
                (v) => GEOGRAPHIC_VOCABULARY_CODES.has(v),
                rule(
                  'NOT_IN_LIST',
                  `must be an IATI GeographicVocabulary code: ${[...GEOGRAPHIC_VOCABULARY_CODES].join(', ')}.`,
                ),
              ),
            code: text(100),
            level: z.number().int().min(0).max(10).nullish(),
          })
          .strict(),
      )
      .max(20)
      .nullish(),
  })
  .strict();

type RawList = readonly unknown[];
const entry = (list: RawList, i: number): Record<string, unknown> =>
  (list[i] !== null && typeof list[i] === 'object' ? list[i] : {}) as Record<string, unknown>;

/** A DAC code must be in the vendored IATI codelist of its vocabulary (withdrawn codes included). */
export function sectorCodeErrors(field: string, sectors: RawList): FieldError[] {
  const errors: FieldError[] = [];
  sectors.forEach((_, i) => {
    const { vocabulary, code } = entry(sectors, i);
    if (typeof code !== 'string') return;
    const list =
      vocabulary === '1' ? DAC_SECTOR_CODES : vocabulary === '2' ? DAC_SECTOR_CATEGORY_CODES : null;
    if (list && !list.has(code.trim())) {
      const what = vocabulary === '1' ? 'DAC 5-digit sector' : 'DAC 3-digit sector category';
      errors.push(
        fieldError(
          `${field}[${i}].code`,
          'NOT_IN_LIST',
          `${field}[${i}].code ${code} is not a ${what} code of the IATI codelist.`,
        ),
      );
    }
  });
  return errors;
}

/**
 * Shares within one group (a sector vocabulary, or all recipient countries) must sum to exactly 100. A sole
 * entry may leave its percentage out (it is then 100); with several, each must give one.
 */
export function shareErrors(
  field: string,
  list: RawList,
  groupOf: (e: Record<string, unknown>) => string,
  valid: (index: number) => boolean,
): FieldError[] {
  const groups = new Map<string, number[]>();
  list.forEach((_, i) => {
    const key = groupOf(entry(list, i));
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const errors: FieldError[] = [];
  for (const [group, indexes] of groups) {
    if (indexes.length === 1 && entry(list, indexes[0]).percentage == null) continue;
    const missing = indexes.filter((i) => entry(list, i).percentage == null);
    missing.forEach((i) =>
      errors.push(
        fieldError(
          `${field}[${i}].percentage`,
          'REQUIRED',
          `${field}[${i}].percentage is required when ${describe(group)} has several entries.`,
        ),
      ),
    );
    const given = indexes
      .map((i) => entry(list, i).percentage)
      .filter((p): p is string => typeof p === 'string');
    // A sum over a share already reported bad would only repeat that error.
    if (missing.length > 0 || given.length !== indexes.length || !indexes.every(valid)) continue;
    const sum = given.reduce((a, b) => addDecimal(a, b), '0');
    if (compareDecimal(sum, '100') !== 0) {
      errors.push(
        fieldError(
          field,
          'INVALID_COMBINATION',
          `the percentages of ${describe(group)} sum to ${sum}; they must sum to exactly 100.`,
        ),
      );
    }
  }
  return mergeSameField(field, errors);
}

const describe = (group: string) => (group === '' ? 'the list' : `vocabulary ${group}`);

/** One entry per field: several bad groups of one list are reported in one sentence. */
function mergeSameField(field: string, errors: FieldError[]): FieldError[] {
  const onList = errors.filter((e) => e.field === field);
  if (onList.length <= 1) return errors;
  const merged = fieldError(
    field,
    'INVALID_COMBINATION',
    `${field}: ${onList.map((e) => e.message).join('; ')}`,
  );
  return [...errors.filter((e) => e.field !== field), merged];
}

/** The same sector (vocabulary + code) or country twice is one entry given twice. */
export function duplicateEntryErrors(
  field: string,
  list: RawList,
  keyOf: (e: Record<string, unknown>) => string | null,
): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  list.forEach((_, i) => {
    const key = keyOf(entry(list, i));
    if (key === null) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else errors.push(fieldError(`${field}[${i}]`, 'DUPLICATE', `${field}[${i}] repeats ${field}[${first}].`));
  });
  return errors;
}
