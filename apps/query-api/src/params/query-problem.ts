import { ProblemException, problem, type ProblemFieldError } from '@ledger/platform';

/** A bad query parameter: 400 problem+json naming each offending parameter. */
export function invalidQuery(errors: ProblemFieldError[]): ProblemException {
  return problem(
    'QUERY.INVALID_PARAMETER',
    `Check ${errors.map((e) => e.field).join(', ')}: ${errors.map((e) => e.message).join(' ')}`,
    { errors },
  );
}

/** Collects field errors while parameters are read, so one response names every bad parameter. */
export class ParamReader {
  readonly errors: ProblemFieldError[] = [];

  constructor(
    private readonly query: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    for (const name of Object.keys(query)) {
      if (!allowed.includes(name)) {
        this.fail(
          name,
          'UNKNOWN_PARAMETER',
          `Unknown query parameter "${name}"; allowed: ${allowed.join(', ')}.`,
        );
      }
    }
  }

  fail(field: string, code: string, message: string): undefined {
    this.errors.push({ field, code, message });
    return undefined;
  }

  /** The single string value of a parameter, undefined when absent; repeated or empty values are errors. */
  string(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      return this.fail(name, 'INVALID_VALUE', `${name} must be given once, as a plain value.`);
    if (value.trim() === '') return this.fail(name, 'INVALID_VALUE', `${name} must not be empty.`);
    return value;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!values.includes(value as T))
      return this.fail(name, 'NOT_IN_LIST', `${name} must be one of: ${values.join(', ')}.`);
    return value as T;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) return this.fail(name, 'INVALID_FORMAT', `${name} must be a whole number.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max)
      return this.fail(name, 'OUT_OF_RANGE', `${name} must be between ${min} and ${max}.`);
    return n;
  }

  pattern(name: string, re: RegExp, description: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!re.test(value)) return this.fail(name, 'INVALID_FORMAT', `${name} must be ${description}.`);
    return value;
  }

  /** Throws the 400 problem when any parameter was bad. */
  done(): void {
    if (this.errors.length > 0) throw invalidQuery(this.errors);
  }
}
