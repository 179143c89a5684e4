import type { RecordedEvent } from '@ledger/event-store';
import { parseAsOf } from './as-of.query';
import { foldAsOf } from './as-of.fold';
import { effectiveDates } from './effective-date';

let position = 0;
const event = (
  revision: number,
  type: string,
  data: Record<string, unknown>,
  recordedAt: string,
): RecordedEvent => ({
  eventId: `e${revision}`,
  type,
  data: { projectId: 'TC.0789', ...data },
  metadata: { recordedAt },
  streamId: 'project-TC.0789',
  revision,
  position: ++position,
});

/** Entered into the ledger years after the facts: recorded and effective timelines differ. */
const HISTORY = [
  event(
    0,
    'ProjectCreated',
    {
      title: 'T',
      plannedStart: '2014-06',
      plannedEnd: '2016',
      budget: { amount: '180000.00', currency: 'USD' },
      benefitingMemberStates: ['MN'],
      coverage: 'national',
    },
    '2020-01-10T09:00:00Z',
  ),
  event(1, 'ProjectStarted', { actualStart: '2014-03' }, '2020-01-10T09:05:00Z'),
  event(
    2,
    'ProjectBudgetRevised',
    {
      previous: '180000.00',
      amount: '200000.00',
      delta: '20000.00',
      currency: 'USD',
      reason: 'additional-funding',
      effectiveDate: '2015-01-15',
      note: null,
    },
    '2020-01-11T09:00:00Z',
  ),
  event(3, 'ProjectSuspended', { reason: 'audit' }, '2020-02-01T00:00:00Z'),
];

describe('as-of on the effective timeline', () => {
  it('dates a creation by the earliest date its history names, so a back-filled project existed when it started', () => {
    expect(Object.fromEntries(effectiveDates(HISTORY))).toEqual({
      0: '2014-03',
      1: '2014-03',
      2: '2015-01-15',
      3: '2020-02-01',
    });
  });

  it.each([
    ['2014-02-28', null],
    ['2014', 'active'],
    ['2014-03-01', 'active'],
    ['2015-01-14', 'active'],
    ['2020-02', 'suspended'],
  ])('on %s the project is %s', (date, status) => {
    const result = foldAsOf(HISTORY, { kind: 'effectiveDate', value: date });
    expect(result?.state.status ?? null).toBe(status);
  });

  it('counts a budget revision from its effective date, whenever it was recorded', () => {
    expect(foldAsOf(HISTORY, { kind: 'effectiveDate', value: '2015-01-14' })?.state).toMatchObject({
      budget: { amount: '180000.00' },
    });
    expect(foldAsOf(HISTORY, { kind: 'effectiveDate', value: '2015-01-15' })?.state).toMatchObject({
      budget: { amount: '200000.00' },
    });
  });
});

describe('as-of on the recorded timeline', () => {
  it('includes an event recorded exactly at the instant asked, and nothing later', () => {
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2020-01-10T09:05:00Z' })).toMatchObject({
      revision: 1,
      state: { status: 'active', budget: { amount: '180000.00' } },
    });
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2020-01-10T10:04:59+01:00' })).toMatchObject({
      revision: 0,
      state: { status: 'planned' },
    });
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2020-01-10T08:59:59.999Z' })).toBeNull();
  });

  it('reads a date as the end of that day, month or year (UTC)', () => {
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2020-01-10' })?.revision).toBe(1);
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2020-01' })?.revision).toBe(2);
    expect(foldAsOf(HISTORY, { kind: 'recordedAt', value: '2019' })).toBeNull();
  });
});

describe('parseAsOf', () => {
  it('takes exactly one well-formed parameter', () => {
    expect(parseAsOf({ revision: '2' })).toEqual({ ok: true, value: { kind: 'revision', value: 2 } });
    expect(parseAsOf({ effectiveDate: '2015-01' })).toEqual({
      ok: true,
      value: { kind: 'effectiveDate', value: '2015-01' },
    });
    expect(parseAsOf({ recordedAt: '2015-01-01T00:00:00+02:00' })).toMatchObject({ ok: true });
    expect(parseAsOf({})).toMatchObject({ ok: false, errors: [{ code: 'REQUIRED' }] });
    expect(parseAsOf({ revision: '1', recordedAt: '2015' })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_COMBINATION' }],
    });
    expect(parseAsOf({ recordedAt: '2015-01-01T00:00:00' })).toMatchObject({
      ok: false,
      errors: [{ field: 'recordedAt', code: 'INVALID_FORMAT' }],
    });
    expect(parseAsOf({ revision: '1.5' })).toMatchObject({ ok: false, errors: [{ field: 'revision' }] });
  });
});
