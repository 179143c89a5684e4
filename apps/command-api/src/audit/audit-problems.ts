import { ProblemException, problem, type ProblemFieldError } from '@ledger/platform';

export const projectNotFound = (id: string): ProblemException =>
  problem('PROJECT.NOT_FOUND', `No project ${id} is recorded.`);

export const invalidQuery = (errors: ProblemFieldError[]): ProblemException =>
  problem('QUERY.INVALID_PARAMETER', errors.map((e) => `${e.field}: ${e.message}`).join(' '), { errors });

/** A whole number within [min, max], or the default when absent. */
export function intParam(name: string, raw: unknown, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(value) || value < min || value > max) {
    throw invalidQuery([
      { field: name, code: 'OUT_OF_RANGE', message: `${name} must be a whole number from ${min} to ${max}.` },
    ]);
  }
  return value;
}
