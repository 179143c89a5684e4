import { parseCommandInput } from './project.validation';
import { codesOf, mongoliaBody, valueOf } from './testing/validation.spec-helper';

const create = (overrides: Record<string, unknown>) =>
  parseCommandInput('CreateProject', null, mongoliaBody(overrides));
const accepts = (overrides: Record<string, unknown>) => valueOf(create(overrides));
const rejects = (overrides: Record<string, unknown>) => codesOf(create(overrides));

describe('projectId', () => {
  it.each(['T', 'TC.0789', 'a-b_c.d', '9'.repeat(64)])('accepts %s', (projectId) => {
    expect(accepts({ projectId }).projectId).toBe(projectId);
  });
  it.each([
    ['', 'TOO_SHORT'],
    ['9'.repeat(65), 'TOO_LONG'],
    ['.TC', 'INVALID_FORMAT'],
    ['TC 0789', 'INVALID_FORMAT'],
    ['TC/0789', 'INVALID_FORMAT'],
  ])('rejects %p with %s', (projectId, code) => {
    expect(rejects({ projectId })).toEqual([['projectId', code]]);
  });
});

describe('primaId', () => {
  it('rejects an over-long Prima ID', () => {
    expect(rejects({ primaId: 'M'.repeat(65) })).toEqual([['primaId', 'TOO_LONG']]);
  });
});

describe('title and description', () => {
  it('accepts a title of 500 characters after trimming', () => {
    expect(accepts({ title: ` ${'t'.repeat(500)} ` }).title).toHaveLength(500);
  });
  it('rejects a title of 501 characters', () => {
    expect(rejects({ title: 't'.repeat(501) })).toEqual([['title', 'TOO_LONG']]);
  });
  it('rejects a blank title', () => {
    expect(rejects({ title: '   ' })).toEqual([['title', 'TOO_SHORT']]);
  });
  it('accepts a description of 20000 characters and rejects one longer', () => {
    expect(accepts({ description: 'd'.repeat(20_000) }).description).toHaveLength(20_000);
    expect(rejects({ description: 'd'.repeat(20_001) })).toEqual([['description', 'TOO_LONG']]);
  });
});

describe('projectType', () => {
  it.each(['TC', 'TCMMCB', 'A1B2C3D4E5F6G7H8'])('accepts %s', (projectType) => {
    expect(accepts({ projectType }).projectType).toBe(projectType);
  });
  it.each([
    ['T', 'TOO_SHORT'],
    ['A1B2C3D4E5F6G7H8I', 'TOO_LONG'],
    ['tcmmcb', 'INVALID_FORMAT'],
    ['TC-MM', 'INVALID_FORMAT'],
  ])('rejects %s with %s', (projectType, code) => {
    expect(rejects({ projectType })).toEqual([['projectType', code]]);
  });
});

describe('coverage and region', () => {
  it('rejects a coverage outside the list', () => {
    expect(rejects({ coverage: 'local' })).toEqual([['coverage', 'NOT_IN_LIST']]);
  });
  it.each(['Africa', 'Europe', 'Latin America and the Caribbean', 'Middle East and North Africa', 'Global'])(
    'accepts region %s',
    (region) => {
      expect(accepts({ region }).region).toBe(region);
    },
  );
  it('rejects a region outside the closed list, including a different case', () => {
    expect(rejects({ region: 'asia and oceania' })).toEqual([['region', 'NOT_IN_LIST']]);
  });
});

describe('fundingYear', () => {
  it.each([1990, 2100])('accepts %d', (fundingYear) => {
    expect(accepts({ fundingYear }).fundingYear).toBe(fundingYear);
  });
  it.each([1989, 2101])('rejects %d as out of range', (fundingYear) => {
    expect(rejects({ fundingYear })).toEqual([['fundingYear', 'OUT_OF_RANGE']]);
  });
  it('rejects a fractional year', () => {
    expect(rejects({ fundingYear: 2014.5 })).toEqual([['fundingYear', 'INVALID_TYPE']]);
  });
});

describe('planned dates', () => {
  it.each(['2014', '2014-03', '2014-03-31', '2016-02-29'])('accepts plannedStart %s', (plannedStart) => {
    expect(accepts({ plannedStart }).plannedStart).toBe(plannedStart);
  });
  it.each([
    '14',
    '2014-3',
    '2014-13',
    '2014-02-29',
    '2014-04-31',
    '2014-00',
    '2014/03',
    '2014-03-01T00:00:00Z',
  ])('rejects plannedStart %s', (plannedStart) => {
    expect(rejects({ plannedStart })).toEqual([['plannedStart', 'INVALID_FORMAT']]);
  });
  it('rejects a planned end before the planned start', () => {
    expect(rejects({ plannedStart: '2016-05', plannedEnd: '2016-04-30' })).toEqual([
      ['plannedEnd', 'INVALID_COMBINATION'],
    ]);
  });
  it('compares planned dates at the precision both have', () => {
    expect(accepts({ plannedStart: '2016-05', plannedEnd: '2016' }).plannedEnd).toBe('2016');
  });
});

describe('budget', () => {
  const budget = (amount: unknown, currency: unknown = 'USD') => ({ budget: { amount, currency } });

  it.each([
    ['200000', 'USD', '200000.00'],
    ['0.01', 'USD', '0.01'],
    ['3000000', 'JPY', '3000000'],
    ['12.345', 'KWD', '12.345'],
    ['007.5', 'EUR', '7.50'],
  ])('accepts %s %s as %s', (amount, currency, normalised) => {
    expect(accepts(budget(amount, currency)).budget).toEqual({ amount: normalised, currency });
  });
  it('rejects a JSON number, so no float ever becomes money', () => {
    expect(rejects(budget(200000))).toEqual([['budget.amount', 'INVALID_TYPE']]);
  });
  it.each(['0', '0.00'])('rejects a zero amount %s', (amount) => {
    expect(rejects(budget(amount))).toEqual([['budget.amount', 'OUT_OF_RANGE']]);
  });
  it.each(['-5.00', '1e5', '1.', '.5', ' 5', '5,00', 'NaN', ''])(
    'rejects the malformed amount %p',
    (amount) => {
      expect(rejects(budget(amount))).toEqual([['budget.amount', 'INVALID_FORMAT']]);
    },
  );
  it('rejects more decimals than the currency has', () => {
    expect(rejects(budget('1.001', 'USD'))).toEqual([['budget.amount', 'INVALID_FORMAT']]);
    expect(rejects(budget('1.5', 'JPY'))).toEqual([['budget.amount', 'INVALID_FORMAT']]);
  });
  it('rejects an absurdly large amount', () => {
    expect(rejects(budget('1' + '0'.repeat(15)))).toEqual([['budget.amount', 'OUT_OF_RANGE']]);
  });
  it.each([
    ['usd', 'INVALID_FORMAT'],
    ['US', 'INVALID_FORMAT'],
    ['XXX', 'NOT_IN_LIST'],
  ])('rejects the currency %s with %s', (currency, code) => {
    expect(rejects(budget('1.00', currency))).toEqual([['budget.currency', code]]);
  });
});

describe('benefiting member states', () => {
  const states = (coverage: string, benefitingMemberStates: unknown) => ({
    coverage,
    benefitingMemberStates,
  });

  it.each([
    ['mn', 'MN'],
    ['Mongolia', 'MN'],
    ['MNG', 'MN'],
    ['Viet Nam', 'VN'],
    ['Bolivia (Plurinational State of)', 'BO'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Republic of Korea', 'KR'],
    ['United Republic of Tanzania', 'TZ'],
    ['Türkiye', 'TR'],
    ['Russian Federation', 'RU'],
    ['Syrian Arab Republic', 'SY'],
    ["Lao People's Democratic Republic", 'LA'],
    ['Republic of Moldova', 'MD'],
    ['Democratic Republic of the Congo', 'CD'],
    ["Côte d'Ivoire", 'CI'],
  ])('normalises %s to %s', (name, code) => {
    expect(accepts(states('national', [name])).benefitingMemberStates).toEqual([code]);
  });
  it('keeps the order given', () => {
    expect(accepts(states('regional', ['Kazakhstan', 'MN', 'Viet Nam'])).benefitingMemberStates).toEqual([
      'KZ',
      'MN',
      'VN',
    ]);
  });
  it('rejects an unknown country by its position', () => {
    expect(rejects(states('regional', ['MN', 'Atlantis']))).toEqual([
      ['benefitingMemberStates[1]', 'NOT_IN_LIST'],
    ]);
  });
  it('rejects a code and a name of the same country as a duplicate', () => {
    expect(rejects(states('regional', ['MN', 'KZ', 'Mongolia']))).toEqual([
      ['benefitingMemberStates[2]', 'DUPLICATE'],
    ]);
  });
  it('rejects a non-string entry', () => {
    expect(rejects(states('regional', ['MN', 496]))).toEqual([['benefitingMemberStates[1]', 'INVALID_TYPE']]);
  });
  it.each([
    ['national', []],
    ['national', ['MN', 'KZ']],
    ['regional', ['MN']],
    ['multi-national', ['MN']],
  ])('rejects %s coverage with %p', (coverage, list) => {
    expect(rejects(states(coverage, list))).toEqual([['benefitingMemberStates', 'INVALID_COMBINATION']]);
  });
  it.each([
    ['global', []],
    ['global', ['MN']],
    ['multi-national', ['MN', 'KZ']],
  ])('accepts %s coverage with %p', (coverage, list) => {
    expect(accepts(states(coverage, list)).coverage).toBe(coverage);
  });
});
