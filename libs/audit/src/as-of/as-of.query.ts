import { isPartialDate } from '@ledger/domain';

/**
 * One of three ways to ask for a past state:
 * - recordedAt: what the ledger knew then (events recorded at or before the instant or date);
 * - effectiveDate: what was true then (events taking effect on or before the date);
 * - revision: the state after that stream revision.
 */
export type AsOf =
  | { kind: 'recordedAt'; value: string }
  | { kind: 'effectiveDate'; value: string }
  | { kind: 'revision'; value: number };

export interface AsOfParamError {
  field: string;
  code: 'REQUIRED' | 'INVALID_COMBINATION' | 'INVALID_FORMAT' | 'UNKNOWN_FIELD';
  message: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const PARAMS = ['recordedAt', 'effectiveDate', 'revision'] as const;

/** Exactly one of the three parameters, well formed. Errors name the parameter. */
export function parseAsOf(
  query: Record<string, unknown>,
): { ok: true; value: AsOf } | { ok: false; errors: AsOfParamError[] } {
  const unknown = Object.keys(query).filter((k) => !(PARAMS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: unknown.map((field) => ({
        field,
        code: 'UNKNOWN_FIELD',
        message: `${field} is not a parameter of as-of; use one of ${PARAMS.join(', ')}.`,
      })),
    };
  }
  const given = PARAMS.filter((p) => query[p] !== undefined);
  if (given.length !== 1) {
    const field = given.length === 0 ? PARAMS.join('|') : given.join(',');
    const code = given.length === 0 ? 'REQUIRED' : 'INVALID_COMBINATION';
    return { ok: false, errors: [{ field, code, message: `Give exactly one of ${PARAMS.join(', ')}.` }] };
  }
  const [field] = given;
  const raw = query[field];
  const bad = (message: string) => ({
    ok: false as const,
    errors: [{ field, code: 'INVALID_FORMAT' as const, message }],
  });
  if (typeof raw !== 'string') return bad(`${field} must be given once.`);
  if (field === 'revision') {
    return /^\d{1,15}$/.test(raw)
      ? { ok: true, value: { kind: 'revision', value: Number(raw) } }
      : bad('revision must be a whole number ≥ 0.');
  }
  if (field === 'effectiveDate') {
    return isPartialDate(raw)
      ? { ok: true, value: { kind: 'effectiveDate', value: raw } }
      : bad('effectiveDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD.');
  }
  const instantOk = INSTANT.test(raw) && !Number.isNaN(Date.parse(raw));
  return instantOk || isPartialDate(raw)
    ? { ok: true, value: { kind: 'recordedAt', value: raw } }
    : bad(
        'recordedAt must be an ISO-8601 instant with a zone (2015-06-01T12:00:00Z) or a date YYYY, YYYY-MM or YYYY-MM-DD.',
      );
}
