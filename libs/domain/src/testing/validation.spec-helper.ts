import type { FieldError, Validated } from '../project.decision';

/** The Mongolia record as a publishing service would send it over the wire. */
export const mongoliaBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title:
    'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount: '200000.00', currency: 'USD' },
  benefitingMemberStates: ['Mongolia'],
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
