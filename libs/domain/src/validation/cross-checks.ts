import { currencyMinorDigits } from '../currencies.policy';
import { countryCode } from '../country-code';
import { fractionDigits } from '../money';
import { comparePartialDates } from '../partial-date';
import type { FieldError } from '../project.decision';
import type { Coverage } from '../project.types';
import { fieldError } from './field-errors';

/** An amount may not be more precise than its currency allows: there is no such thing as 0.001 USD. */
export function amountPrecisionErrors(field: string, amount: string, currency: string): FieldError[] {
  const digits = currencyMinorDigits(currency);
  if (digits === null || fractionDigits(amount) <= digits) return [];
  return [
    fieldError(
      field,
      'INVALID_FORMAT',
      `${field} has ${fractionDigits(amount)} decimal places; ${currency} allows at most ${digits}.`,
    ),
  ];
}

export function dateOrderErrors(
  startField: string,
  start: string,
  endField: string,
  end: string,
): FieldError[] {
  if (comparePartialDates(start, end) <= 0) return [];
  return [
    fieldError(
      endField,
      'INVALID_COMBINATION',
      `${endField} (${end}) must not be before ${startField} (${start}).`,
    ),
  ];
}

/** Two spellings of one country ("MN" and "Mongolia") are one member state given twice. */
export function duplicateStateErrors(field: string, states: readonly unknown[]): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  states.forEach((state, index) => {
    const code = typeof state === 'string' ? countryCode(state) : null;
    if (code === null) return;
    const first = seen.get(code);
    if (first === undefined) seen.set(code, index);
    else
      errors.push(
        fieldError(
          `${field}[${index}]`,
          'DUPLICATE',
          `${field}[${index}] names ${code} again (already at ${field}[${first}]).`,
        ),
      );
  });
  return errors;
}

/** national: exactly one member state; regional and multi-national: at least two; global: any. */
export function coverageErrors(coverage: Coverage, stateCount: number, field: string): FieldError[] {
  const ok = coverage === 'national' ? stateCount === 1 : coverage === 'global' ? true : stateCount >= 2;
  if (ok) return [];
  const need =
    coverage === 'national' ? 'exactly one benefiting member state' : 'at least two benefiting member states';
  return [
    fieldError(field, 'INVALID_COMBINATION', `${coverage} coverage needs ${need}; ${stateCount} given.`),
  ];
}
