import { z } from 'zod';
import { CURRENCY_MINOR_DIGITS } from '../currencies.policy';
import { countryCode } from '../country-code';
import { isDecimalString } from '../money';
import { isFullDate, isPartialDate } from '../partial-date';
import { COVERAGES, REGIONS, BUDGET_REASONS } from '../project.types';
import type { FieldErrorCode } from './field-errors';

/** A refinement whose failure reports our stable code; `abort` stops later checks on the same value. */
export const rule = (code: FieldErrorCode, message: string) => ({ message, params: { code }, abort: true });

/** Amounts beyond 10^15 are typing errors, not budgets (policy). */
export const MAX_AMOUNT_INTEGER_DIGITS = 15;
export const MAX_REASON_LENGTH = 2000;

export const projectIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

/** Prima ID: the organisation's project-management identifier, e.g. MN10P0001. */
export const primaIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/);

export const titleSchema = z.string().trim().min(1).max(500);
export const descriptionSchema = z.string().max(20_000);
export const projectTypeSchema = z
  .string()
  .min(2)
  .max(16)
  .regex(/^[A-Z0-9]+$/);
export const coverageSchema = z.enum(COVERAGES);
export const regionSchema = z.enum(REGIONS);
export const fundingYearSchema = z.number().int().min(1990).max(2100);
export const budgetReasonSchema = z.enum(BUDGET_REASONS);

/*
 * A refinement does not show in a generated JSON Schema, so each refined rule also states (in `meta`) the
 * closest JSON Schema form of itself; request and contract schemas are generated from these (z.toJSONSchema).
 */

export const partialDateSchema = z
  .string()
  .refine(isPartialDate, rule('INVALID_FORMAT', 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD.'))
  .meta({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$' });

export const fullDateSchema = z
  .string()
  .refine(isFullDate, rule('INVALID_FORMAT', 'must be a real date written YYYY-MM-DD.'))
  .meta({ format: 'date' });

/** Free-text reason of a suspension, cancellation or extension. */
export const reasonSchema = z.string().trim().min(1).max(MAX_REASON_LENGTH);

/** Who approved a correction (an auditor's name or id). */
export const approverSchema = z.string().trim().min(1).max(200);

/** Money amounts travel as decimal strings: a JSON number may already have lost cents to binary floats. */
export const amountSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? undefined : 'must be a decimal string such as "200000.00", not a number.',
  })
  .max(64)
  .refine(
    (value) => isDecimalString(value) && !value.startsWith('-'),
    rule(
      'INVALID_FORMAT',
      'must be a decimal string of digits with an optional fraction, such as "200000.00".',
    ),
  )
  .refine(
    (value) => value.split('.')[0].replace(/^0+/, '').length <= MAX_AMOUNT_INTEGER_DIGITS,
    rule('OUT_OF_RANGE', `must be below 10^${MAX_AMOUNT_INTEGER_DIGITS}.`),
  )
  .refine((value) => /[1-9]/.test(value), rule('OUT_OF_RANGE', 'must be greater than 0.'))
  .meta({ pattern: '^\\d+(\\.\\d+)?$' });

export const currencySchema = z
  .string()
  .refine(
    (value) => /^[A-Z]{3}$/.test(value),
    rule('INVALID_FORMAT', 'must be an ISO 4217 code of 3 capital letters, such as "USD".'),
  )
  .refine(
    (value) => Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_DIGITS, value),
    rule(
      'NOT_IN_LIST',
      `must be one of the accepted ISO 4217 currencies: ${Object.keys(CURRENCY_MINOR_DIGITS).join(', ')}.`,
    ),
  )
  .meta({ pattern: '^[A-Z]{3}$' });

/** Benefiting member states as given: codes or names, normalised to alpha-2 codes after parsing. */
export const memberStatesSchema = z
  .array(
    z
      .string()
      .refine(
        (value) => countryCode(value) !== null,
        rule('NOT_IN_LIST', 'must be an ISO 3166-1 country code or a country name we recognise.'),
      ),
  )
  .max(250);
