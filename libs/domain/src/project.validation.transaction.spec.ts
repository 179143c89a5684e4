import { parseCommandInput } from './project.validation';
import { codesOf, valueOf } from './testing/validation.spec-helper';

const body = (overrides: Record<string, unknown> = {}) => ({
  ref: 'IOM-TX-1',
  type: 'incoming-commitment',
  date: '2014-02-10',
  value: { amount: '200000', currency: 'USD' },
  provider: { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' },
  ...overrides,
});
const record = (b: unknown) => parseCommandInput('RecordTransaction', 'TC.0789', b);

describe('RecordTransaction input', () => {
  it('accepts a transaction and writes its value with the currency’s digits', () => {
    expect(valueOf(record(body()))).toEqual({
      projectId: 'TC.0789',
      ref: 'IOM-TX-1',
      type: 'incoming-commitment',
      date: '2014-02-10',
      value: { amount: '200000.00', currency: 'USD' },
      valueDate: null,
      provider: { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' },
      receiver: null,
      description: null,
    });
  });

  it.each([
    ['3', 'disbursement'],
    [4, 'expenditure'],
    ['13', 'incoming-pledge'],
    ['purchase-of-equity', 'purchase-of-equity'],
  ])('accepts the type %p as %s', (type, name) => {
    expect(valueOf(record(body({ type }))).type).toBe(name);
  });

  it.each(['14', 0, 'refund', 'Disbursement'])('rejects the unknown transaction type %p', (type) => {
    expect(codesOf(record(body({ type })))).toEqual([['type', 'NOT_IN_LIST']]);
  });

  it.each(['0', '0.00', '-5.00'])('rejects the value %s: values are positive', (amount) => {
    expect(codesOf(record(body({ value: { amount, currency: 'USD' } })))[0][0]).toBe('value.amount');
  });

  it('rejects a value more precise than its currency', () => {
    expect(codesOf(record(body({ value: { amount: '10.001', currency: 'USD' } })))).toEqual([
      ['value.amount', 'INVALID_FORMAT'],
    ]);
  });

  it('requires a full date', () => {
    expect(codesOf(record(body({ date: '2014-02' })))).toEqual([['date', 'INVALID_FORMAT']]);
  });

  it('rejects a ref that cannot stand in a URL path', () => {
    expect(codesOf(record(body({ ref: 'TX/1' })))).toEqual([['ref', 'INVALID_FORMAT']]);
  });

  it('reports every bad field at once, one entry per field', () => {
    const bad = body({
      type: 'refund',
      date: 'yesterday',
      value: { amount: '-1', currency: 'USD' },
      colour: 1,
    });
    expect(codesOf(record(bad))).toEqual([
      ['type', 'NOT_IN_LIST'],
      ['date', 'INVALID_FORMAT'],
      ['value.amount', 'INVALID_FORMAT'],
      ['colour', 'UNKNOWN_FIELD'],
    ]);
  });
});

describe('ReverseTransaction input', () => {
  it('takes the ref from the URL-filled body and requires a reason', () => {
    expect(
      valueOf(parseCommandInput('ReverseTransaction', 'TC.0789', { ref: 'TX-1', reason: 'Twice' })),
    ).toEqual({
      projectId: 'TC.0789',
      ref: 'TX-1',
      reason: 'Twice',
      date: null,
    });
    expect(codesOf(parseCommandInput('ReverseTransaction', 'TC.0789', { ref: 'TX-1' }))).toEqual([
      ['reason', 'REQUIRED'],
    ]);
  });
});
