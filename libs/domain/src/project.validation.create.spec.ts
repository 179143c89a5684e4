import { parseCommandInput } from './project.validation';
import { codesOf, errorsOf, mongoliaBody, valueOf } from './testing/validation.spec-helper';

const create = (body: unknown) => parseCommandInput('CreateProject', null, body);
const without = (field: string) => {
  const body = mongoliaBody();
  delete body[field];
  return body;
};

describe('CreateProject input: the Mongolia record', () => {
  it('accepts the real record and normalises it', () => {
    expect(valueOf(create(mongoliaBody({ budget: { amount: '200000', currency: 'USD' } })))).toEqual({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      title:
        'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
      description: null,
      projectType: 'TCMMCB',
      coverage: 'national',
      region: 'Asia and Oceania',
      fundingYear: 2014,
      plannedStart: '2014',
      plannedEnd: '2016',
      budget: { amount: '200000.00', currency: 'USD' },
      benefitingMemberStates: ['MN'],
      participatingOrgs: [],
      sectors: [],
      humanitarian: false,
      recipientCountries: [],
      locations: [],
    });
  });

  it('trims the title and keeps an optional description', () => {
    const value = valueOf(create(mongoliaBody({ title: '  Border management  ', description: 'Training.' })));
    expect([value.title, value.description]).toEqual(['Border management', 'Training.']);
  });

  it('treats a missing or null Prima ID as absent', () => {
    expect(valueOf(create(without('primaId'))).primaId).toBeNull();
    expect(valueOf(create(mongoliaBody({ primaId: null }))).primaId).toBeNull();
  });
});

describe('CreateProject input: required fields and types', () => {
  it.each([
    'projectId',
    'title',
    'projectType',
    'coverage',
    'region',
    'fundingYear',
    'plannedStart',
    'plannedEnd',
    'budget',
    'benefitingMemberStates',
  ])('requires %s', (field) => {
    expect(codesOf(create(without(field)))).toEqual([[field, 'REQUIRED']]);
  });

  it('requires the amount and currency inside budget', () => {
    expect(codesOf(create(mongoliaBody({ budget: {} })))).toEqual([
      ['budget.amount', 'REQUIRED'],
      ['budget.currency', 'REQUIRED'],
    ]);
  });

  it.each([null, [], 'text', 42])('rejects a body that is not an object: %p', (body) => {
    expect(codesOf(create(body))).toEqual([['$', 'INVALID_TYPE']]);
  });

  it('rejects a year given as a string and a title given as a number', () => {
    expect(codesOf(create(mongoliaBody({ fundingYear: '2014', title: 7 })))).toEqual([
      ['title', 'INVALID_TYPE'],
      ['fundingYear', 'INVALID_TYPE'],
    ]);
  });

  it('returns every problem at once', () => {
    const errors = errorsOf(
      create(
        mongoliaBody({
          projectId: '',
          title: ' ',
          region: 'Mars',
          fundingYear: 1989,
          budget: { amount: '0', currency: 'USD' },
        }),
      ),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['projectId', 'TOO_SHORT'],
      ['title', 'TOO_SHORT'],
      ['region', 'NOT_IN_LIST'],
      ['fundingYear', 'OUT_OF_RANGE'],
      ['budget.amount', 'OUT_OF_RANGE'],
    ]);
    for (const error of errors) expect(error.message).toContain(error.field);
  });
});

describe('CreateProject input: unknown fields', () => {
  it('rejects a field it does not know, at any depth', () => {
    expect(
      codesOf(create(mongoliaBody({ status: 'active', budget: { amount: '1.00', currency: 'USD', fx: 1 } }))),
    ).toEqual([
      ['budget.fx', 'UNKNOWN_FIELD'],
      ['status', 'UNKNOWN_FIELD'],
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects %s as an unknown field without polluting objects',
    (key) => {
      const body = JSON.parse(
        `{"${key}": {"polluted": true}, "budget": {"${key}": {"polluted": true}, "amount": "1.00", "currency": "USD"}}`,
      );
      const full = { ...mongoliaBody(), ...body };
      expect(codesOf(create(full))).toEqual([
        [`budget.${key}`, 'UNKNOWN_FIELD'],
        [key, 'UNKNOWN_FIELD'],
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );
});
