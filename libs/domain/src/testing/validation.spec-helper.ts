import type { FieldError, Validated } from '../project.decision';
import { MONGOLIA_CREATE_BODY } from '../examples/mongolia.example';

/** The Mongolia record as a publishing service would send it over the wire. */
export const mongoliaBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...structuredClone(MONGOLIA_CREATE_BODY),
  ...overrides,
});

export function errorsOf<T>(result: Validated<T>): FieldError[] {
  if (result.ok) throw new Error(`expected validation errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

export function valueOf<T>(result: Validated<T>): T {
  if (!result.ok) throw new Error(`expected valid input, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** `[field, code]` pairs, the part of an error a client program relies on. */
export const codesOf = <T>(result: Validated<T>): [string, string][] =>
  errorsOf(result).map((e) => [e.field, e.code]);
