import { parseCommandInput } from './project.validation';
import { codesOf, valueOf } from './testing/validation.spec-helper';

describe('lifecycle command input: the project id comes from the URL', () => {
  it('adds the URL project id to the body fields', () => {
    expect(valueOf(parseCommandInput('StartProject', 'TC.0789', { actualStart: '2014-03' }))).toEqual({
      projectId: 'TC.0789',
      actualStart: '2014-03',
    });
  });
  it('requires a project id for every command but CreateProject', () => {
    expect(codesOf(parseCommandInput('SuspendProject', null, { reason: 'Floods' }))).toEqual([
      ['projectId', 'REQUIRED'],
    ]);
  });
  it('reports a malformed URL id together with the body errors', () => {
    expect(codesOf(parseCommandInput('CompleteProject', '../etc', { actualEnd: '2016-13' }))).toEqual([
      ['projectId', 'INVALID_FORMAT'],
      ['actualEnd', 'INVALID_FORMAT'],
    ]);
  });
  it('rejects a project id inside a lifecycle body as an unknown field', () => {
    expect(
      codesOf(parseCommandInput('CancelProject', 'TC.0789', { projectId: 'X', reason: 'Stop' })),
    ).toEqual([['projectId', 'UNKNOWN_FIELD']]);
  });
});

describe('CreateProject with an id in the URL', () => {
  const body = { projectId: 'TC.0789' };
  it('rejects a body id that differs from the URL id', () => {
    expect(codesOf(parseCommandInput('CreateProject', 'TC.0790', body))).toEqual([
      ['projectId', 'INVALID_COMBINATION'],
    ]);
  });
});

describe('start and complete', () => {
  it.each([
    ['StartProject', 'actualStart'],
    ['CompleteProject', 'actualEnd'],
  ] as const)('%s requires %s as a real partial date', (type, field) => {
    expect(codesOf(parseCommandInput(type, 'TC.0789', {}))).toEqual([[field, 'REQUIRED']]);
    expect(codesOf(parseCommandInput(type, 'TC.0789', { [field]: '2015-02-29' }))).toEqual([
      [field, 'INVALID_FORMAT'],
    ]);
    expect(codesOf(parseCommandInput(type, 'TC.0789', { [field]: 2015 }))).toEqual([[field, 'INVALID_TYPE']]);
  });
});

describe('reasons of suspend, cancel and extend', () => {
  it.each(['SuspendProject', 'CancelProject'] as const)('%s trims its reason', (type) => {
    expect(valueOf(parseCommandInput(type, 'TC.0789', { reason: '  Floods  ' }))).toEqual({
      projectId: 'TC.0789',
      reason: 'Floods',
    });
  });
  it.each([
    ['SuspendProject', {}],
    ['CancelProject', {}],
    ['ExtendProject', { plannedEnd: '2017' }],
  ] as const)('%s requires a reason', (type, body) => {
    expect(codesOf(parseCommandInput(type, 'TC.0789', body))).toEqual([['reason', 'REQUIRED']]);
  });
  it.each([
    ['   ', 'TOO_SHORT'],
    ['r'.repeat(2001), 'TOO_LONG'],
  ])('rejects the reason %p with %s', (reason, code) => {
    expect(codesOf(parseCommandInput('CancelProject', 'TC.0789', { reason }))).toEqual([['reason', code]]);
  });
  it('accepts a reason of 2000 characters', () => {
    expect(
      valueOf(parseCommandInput('SuspendProject', 'TC.0789', { reason: 'r'.repeat(2000) })).reason,
    ).toHaveLength(2000);
  });
  it('lets a resume go without a reason', () => {
    expect(valueOf(parseCommandInput('ResumeProject', 'TC.0789', {}))).toEqual({
      projectId: 'TC.0789',
      reason: null,
    });
    expect(valueOf(parseCommandInput('ResumeProject', 'TC.0789', { reason: 'Open' })).reason).toBe('Open');
  });
  it('extends to a real partial date', () => {
    expect(
      valueOf(parseCommandInput('ExtendProject', 'TC.0789', { plannedEnd: '2017-06', reason: 'Delays' })),
    ).toEqual({
      projectId: 'TC.0789',
      plannedEnd: '2017-06',
      reason: 'Delays',
    });
    expect(
      codesOf(parseCommandInput('ExtendProject', 'TC.0789', { plannedEnd: 'soon', reason: 'Delays' })),
    ).toEqual([['plannedEnd', 'INVALID_FORMAT']]);
  });
});

describe('budget revision', () => {
  const revise = (body: unknown) => parseCommandInput('ReviseProjectBudget', 'TC.0789', body);

  it('maps the flat wire body into data.budget with a normalised amount', () => {
    expect(valueOf(revise({ amount: '250000', currency: 'USD', reason: 'additional-funding' }))).toEqual({
      projectId: 'TC.0789',
      budget: { amount: '250000.00', currency: 'USD' },
      reason: 'additional-funding',
      effectiveDate: null,
      note: null,
    });
  });
  it('keeps an effective date and a note', () => {
    const value = valueOf(
      revise({
        amount: '1.00',
        currency: 'USD',
        reason: 'correction',
        effectiveDate: '2015-01-31',
        note: ' Typo ',
      }),
    );
    expect([value.effectiveDate, value.note]).toEqual(['2015-01-31', 'Typo']);
  });
  it('rejects a reason outside the budget reasons', () => {
    expect(codesOf(revise({ amount: '1.00', currency: 'USD', reason: 'whim' }))).toEqual([
      ['reason', 'NOT_IN_LIST'],
    ]);
  });
  it('rejects an effective date that is not a full calendar date', () => {
    expect(
      codesOf(revise({ amount: '1.00', currency: 'USD', reason: 'correction', effectiveDate: '2015-01' })),
    ).toEqual([['effectiveDate', 'INVALID_FORMAT']]);
  });
  it('rejects a float amount, a zero amount and excess decimals', () => {
    expect(codesOf(revise({ amount: 1.5, currency: 'USD', reason: 'correction' }))).toEqual([
      ['amount', 'INVALID_TYPE'],
    ]);
    expect(codesOf(revise({ amount: '0.00', currency: 'USD', reason: 'correction' }))).toEqual([
      ['amount', 'OUT_OF_RANGE'],
    ]);
    expect(codesOf(revise({ amount: '1.999', currency: 'USD', reason: 'correction' }))).toEqual([
      ['amount', 'INVALID_FORMAT'],
    ]);
  });
  it('rejects the nested wire shape as unknown and reports what is missing', () => {
    expect(codesOf(revise({ budget: { amount: '1.00', currency: 'USD' }, reason: 'correction' }))).toEqual([
      ['amount', 'REQUIRED'],
      ['currency', 'REQUIRED'],
      ['budget', 'UNKNOWN_FIELD'],
    ]);
  });
});
