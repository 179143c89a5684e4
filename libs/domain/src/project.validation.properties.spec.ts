import fc from 'fast-check';
import type { ProjectCommandType } from './project.commands';
import { parseCommandInput } from './project.validation';
import { mongoliaBody } from './testing/validation.spec-helper';

const TYPES: ProjectCommandType[] = [
  'CreateProject',
  'StartProject',
  'CompleteProject',
  'ReviseProjectBudget',
  'SuspendProject',
  'ResumeProject',
  'CancelProject',
  'ExtendProject',
];
const CODES = [
  'REQUIRED',
  'UNKNOWN_FIELD',
  'INVALID_TYPE',
  'INVALID_FORMAT',
  'TOO_SHORT',
  'TOO_LONG',
  'OUT_OF_RANGE',
  'NOT_IN_LIST',
  'DUPLICATE',
  'INVALID_COMBINATION',
];
const FIELDS = Object.keys(mongoliaBody());

describe('validation of arbitrary input', () => {
  it('never throws and answers every bad body with well-formed field errors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.jsonValue(), (type, body) => {
        const result = parseCommandInput(type, type === 'CreateProject' ? null : 'TC.0789', body);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(CODES).toContain(error.code);
          expect(error.field.length).toBeGreaterThan(0);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports any extra key of a valid body as an unknown field, and only that', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FIELDS.includes(k) && k !== 'description'),
        fc.jsonValue(),
        (key, value) => {
          const body = JSON.parse(JSON.stringify({ ...mongoliaBody(), [key]: value ?? 0 }));
          const result = parseCommandInput('CreateProject', null, body);
          expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
            [key, 'UNKNOWN_FIELD'],
          ]);
        },
      ),
    );
  });

  it('accepts any positive USD amount with up to two decimals and writes it with exactly two', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 16n }), fc.nat(2), (cents, written) => {
        const whole = (cents / 100n).toString();
        const fraction = (cents % 100n).toString().padStart(2, '0');
        const trimmed = fraction.replace(/0+$/, '');
        // the same value written three ways: "12.50", "12.5" (or "12"), "012.50"
        const amount = [
          `${whole}.${fraction}`,
          trimmed ? `${whole}.${trimmed}` : whole,
          `0${whole}.${fraction}`,
        ][written];
        const result = parseCommandInput('ReviseProjectBudget', 'TC.0789', {
          amount,
          currency: 'USD',
          reason: 'correction',
        });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.value.budget.amount).toBe(`${whole}.${fraction}`);
      }),
    );
  });
});
