import type { z } from 'zod';
import type { FieldError, Validated } from '../project.decision';
import { BODY_FIELD, fieldError, firstPerField, fromZodIssue } from './field-errors';

/** The body must be a plain JSON object before any field can be read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own property only: never read through the prototype chain of untrusted input. */
export function own(record: unknown, key: string): unknown {
  return isPlainObject(record) && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** True when no error concerns `field` or anything inside it. */
export function fieldIsValid(errors: readonly FieldError[], field: string): boolean {
  return !errors.some(
    (e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`),
  );
}

/**
 * Runs a strict zod schema, then cross-field rules that only look at fields that passed on their own,
 * so one request gets every problem back at once.
 */
export function parseWith<S extends z.ZodType, T>(
  schema: S,
  body: unknown,
  crossChecks: (body: Record<string, unknown>, errors: readonly FieldError[]) => FieldError[],
  build: (parsed: z.output<S>) => T,
): Validated<T> {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      errors: [fieldError(BODY_FIELD, 'INVALID_TYPE', 'The request body must be a JSON object.')],
    };
  }
  const result = schema.safeParse(body, { reportInput: true });
  const errors = result.success ? [] : firstPerField(result.error.issues.flatMap(fromZodIssue));
  errors.push(...crossChecks(body, errors));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, value: build(result.data) };
}
