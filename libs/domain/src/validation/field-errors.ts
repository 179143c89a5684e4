import type { core } from 'zod';
import type { FieldError } from '../project.decision';

/** Stable codes of input problems; HTTP and AMQP report them unchanged. */
export type FieldErrorCode =
  | 'REQUIRED'
  | 'UNKNOWN_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_FORMAT'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'OUT_OF_RANGE'
  | 'NOT_IN_LIST'
  | 'DUPLICATE'
  | 'INVALID_COMBINATION';

/** Field name of the body itself, when it is not an object at all. */
export const BODY_FIELD = '$';

/** `['budget', 'amount']` -> `budget.amount`; `['benefitingMemberStates', 1]` -> `benefitingMemberStates[1]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? BODY_FIELD : out;
}

export function fieldError(field: string, code: FieldErrorCode, message: string): FieldError {
  return { field, code, message };
}

const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

/** One error per field (the first found): "too short" and "bad format" of one empty string say one thing. */
export function firstPerField(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/** Turns one zod issue into our stable field errors (unknown keys give one error per key). */
export function fromZodIssue(issue: core.$ZodIssue): FieldError[] {
  const field = fieldPath(issue.path);
  const missing = issue.input === undefined || issue.input === null;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [fieldError(field, 'REQUIRED', `${field} is required.`)];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        fieldError(
          fieldPath([...issue.path, key]),
          'UNKNOWN_FIELD',
          `${key} is not a field of this request.`,
        ),
      );
    case 'invalid_type': {
      // Schemas may word the type rule themselves (e.g. amounts: "must be a decimal string").
      if (issue.message.startsWith('must '))
        return [fieldError(field, 'INVALID_TYPE', `${field} ${issue.message}`)];
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
      return [fieldError(field, 'INVALID_TYPE', `${field} must be ${article(expected)}.`)];
    }
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? [fieldError(field, 'OUT_OF_RANGE', `${field} must be at least ${issue.minimum}.`)]
        : [
            fieldError(
              field,
              'TOO_SHORT',
              `${field} must have at least ${issue.minimum} ${unit(issue.origin, issue.minimum)}.`,
            ),
          ];
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int'
        ? [fieldError(field, 'OUT_OF_RANGE', `${field} must be at most ${issue.maximum}.`)]
        : [
            fieldError(
              field,
              'TOO_LONG',
              `${field} must have at most ${issue.maximum} ${unit(issue.origin, issue.maximum)}.`,
            ),
          ];
    case 'invalid_format':
      return [fieldError(field, 'INVALID_FORMAT', `${field} has an invalid format${patternHint(issue)}.`)];
    case 'invalid_value':
      return [
        fieldError(field, 'NOT_IN_LIST', `${field} must be one of ${issue.values.map(String).join(', ')}.`),
      ];
    case 'custom': {
      const code = (issue.params?.code as FieldErrorCode | undefined) ?? 'INVALID_FORMAT';
      return [fieldError(field, code, `${field} ${issue.message}`)];
    }
    default:
      return [fieldError(field, 'INVALID_TYPE', `${field} is not valid.`)];
  }
}

function unit(origin: string, count: number | bigint): string {
  const noun = origin === 'array' || origin === 'set' ? 'item' : 'character';
  return Number(count) === 1 ? noun : `${noun}s`;
}

function patternHint(issue: core.$ZodIssueInvalidStringFormat): string {
  return issue.pattern ? ` (expected ${issue.pattern})` : '';
}
