import type { ProjectEvent, Transaction } from '@ledger/domain';
import { checkReadModel, rebuildReadModel } from '../rebuild/rebuild';
import { appendProjectEvents, budgetRevised, projectCreated } from './project-events.fixture';
import type { ReadModelFixtureFactory } from './read-model.factories';
import { useReadModelContext } from './read-model.context';

const P = 'TC.0789';
const tx = (
  ref: string,
  type: Transaction['type'],
  amount: string,
  date: string,
  currency = 'USD',
  projectId = P,
): ProjectEvent => ({
  type: 'TransactionRecorded',
  data: {
    projectId,
    ref,
    type,
    date,
    value: { amount, currency },
    valueDate: null,
    provider:
      type === 'incoming-commitment' || type === 'incoming-funds'
        ? { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' }
        : null,
    receiver: null,
    description: null,
  },
});
const reversed = (ref: string, type: Transaction['type'], amount: string, date: string): ProjectEvent => ({
  type: 'TransactionReversed',
  data: { projectId: P, ref, type, value: { amount, currency: 'USD' }, date, reason: 'Booked twice' },
});

/** A funder, transactions of four types (one in EUR), a reversal and a budget revision 200000.00 -> 210000.00. */
const HISTORY: ProjectEvent[] = [
  projectCreated(),
  {
    type: 'ParticipatingOrgAdded',
    data: {
      projectId: P,
      orgId: 'org-1',
      role: 'funding',
      name: 'Ministry of Foreign Affairs of Japan',
      ref: 'XM-DAC-701-2',
      type: '10',
      activityId: 'JP-1',
    },
  },
  { type: 'ProjectStarted', data: { projectId: P, actualStart: '2014-03' } },
  tx('IC-1', 'incoming-commitment', '200000.00', '2014-02-10'),
  tx('IF-1', 'incoming-funds', '120000.00', '2014-03-05'),
  tx('D-1', 'disbursement', '30000.10', '2014-06-30'),
  tx('E-1', 'expenditure', '45000.25', '2014-09-30'),
  tx('E-2', 'expenditure', '9999.99', '2014-10-01'),
  tx('E-EUR', 'expenditure', '500.50', '2014-11-01', 'EUR'),
  reversed('E-2', 'expenditure', '9999.99', '2014-10-02'),
  budgetRevised(P, '200000.00', '210000.00', '10000.00'),
];

const USD_SUMMARY = {
  currency: 'USD',
  budget: '210000.00',
  incomingCommitment: '200000.00',
  incomingFunds: '120000.00',
  committed: '0.00',
  disbursed: '30000.10',
  spent: '75000.35',
  remaining: '134999.65',
  spentShare: '0.3571',
  lastTransactionDate: '2014-09-30',
};
const EUR_SUMMARY = {
  currency: 'EUR',
  budget: null,
  incomingCommitment: '0.00',
  incomingFunds: '0.00',
  committed: '0.00',
  disbursed: '0.00',
  spent: '500.50',
  remaining: null,
  spentShare: null,
  lastTransactionDate: '2014-11-01',
};

/** Transactions and the financial summary (issue 13), for every read-model store. */
export function moneyContract(factory: ReadModelFixtureFactory): void {
  const ctx = useReadModelContext(factory);

  it('sums a funder, four transaction types, a reversal and a budget revision to the cent, per currency', async () => {
    await appendProjectEvents(ctx().store, P, HISTORY);
    await ctx().project();
    expect((await ctx().model.finances(P)).data).toEqual([USD_SUMMARY, EUR_SUMMARY]);
  });

  it('gives the same summary when a reversal lands in a later batch than its transaction', async () => {
    const reversal = HISTORY.findIndex((e) => e.type === 'TransactionReversed');
    await appendProjectEvents(ctx().store, P, HISTORY.slice(0, reversal));
    await ctx().project();
    await appendProjectEvents(ctx().store, P, HISTORY.slice(reversal));
    await ctx().project();
    expect((await ctx().model.finances(P)).data).toEqual([USD_SUMMARY, EUR_SUMMARY]);
  });

  it('gives the same summary after a rebuild, which finds nothing to repair', async () => {
    await appendProjectEvents(ctx().store, P, HISTORY);
    await ctx().project();
    await rebuildReadModel(ctx().fixture.config, ctx().store);
    expect((await ctx().model.finances(P)).data).toEqual([USD_SUMMARY, EUR_SUMMARY]);
    expect((await checkReadModel(ctx().fixture.config, ctx().store)).differences).toEqual([]);
  });

  it('lists transactions by date with the reversal on the reversed one, and pages by cursor', async () => {
    await appendProjectEvents(ctx().store, P, HISTORY);
    await ctx().project();
    const first = (await ctx().model.transactions(P, { limit: 4 })).data;
    expect(first?.items.map((t) => t.ref)).toEqual(['IC-1', 'IF-1', 'D-1', 'E-1']);
    const rest = (await ctx().model.transactions(P, { limit: 4, after: first!.next! })).data;
    expect(rest?.items.map((t) => [t.ref, t.reversal?.date ?? null])).toEqual([
      ['E-2', '2014-10-02'],
      ['E-EUR', null],
    ]);
    expect(rest?.next).toBeNull();
  });

  it('filters transactions by type, date range and organisation', async () => {
    await appendProjectEvents(ctx().store, P, HISTORY);
    await ctx().project();
    const refs = async (query: object) =>
      (await ctx().model.transactions(P, { limit: 50, ...query })).data?.items.map((t) => t.ref);
    expect(await refs({ type: 'expenditure' })).toEqual(['E-1', 'E-2', 'E-EUR']);
    expect(await refs({ from: '2014-03-05', to: '2014-09-30' })).toEqual(['IF-1', 'D-1', 'E-1']);
    expect(await refs({ organisation: 'XM-DAC-701-2' })).toEqual(['IC-1', 'IF-1']);
  });

  it('totals standing transactions per region and per funder, exactly, per currency', async () => {
    await appendProjectEvents(ctx().store, P, HISTORY);
    const other = tx('IF-9', 'incoming-funds', '0.05', '2015-01-01', 'USD', 'A.1');
    await appendProjectEvents(ctx().store, 'A.1', [
      projectCreated({ projectId: 'A.1', region: 'Africa' }),
      other,
    ]);
    await ctx().project();
    const money = (over: Record<string, string>) => ({
      incomingCommitment: '0.00',
      incomingFunds: '0.00',
      committed: '0.00',
      disbursed: '0.00',
      spent: '0.00',
      ...over,
    });
    expect((await ctx().model.moneyStats('region')).data).toEqual([
      { key: 'Africa', currency: 'USD', projects: 1, ...money({ incomingFunds: '0.05' }) },
      { key: 'Asia and Oceania', currency: 'EUR', projects: 1, ...money({ spent: '500.50' }) },
      {
        key: 'Asia and Oceania',
        currency: 'USD',
        projects: 1,
        ...money({
          incomingCommitment: '200000.00',
          incomingFunds: '120000.00',
          disbursed: '30000.10',
          spent: '75000.35',
        }),
      },
    ]);
    expect((await ctx().model.moneyStats('funder')).data).toEqual([
      {
        key: 'XM-DAC-701-2',
        currency: 'USD',
        projects: 2,
        ...money({ incomingCommitment: '200000.00', incomingFunds: '120000.05' }),
      },
    ]);
  });

  it('splits money over DAC sectors by their percentages, 5-digit codes first, per currency', async () => {
    const sectors = (projectId: string, list: [string, string, string][]): ProjectEvent => ({
      type: 'ProjectSectorsChanged',
      data: {
        projectId,
        sectors: list.map(([vocabulary, code, percentage]) => ({
          vocabulary: vocabulary as '1' | '2' | '98' | '99',
          code,
          percentage,
          vocabularyUri: vocabulary === '99' ? 'https://example.org/types' : null,
        })),
      },
    });
    await appendProjectEvents(ctx().store, P, [
      ...HISTORY,
      sectors(P, [
        ['1', '15190', '70'],
        ['1', '15110', '30'],
        ['99', 'TCMMCB', '100'],
      ]),
    ]);
    // 3-digit DAC codes count where a project names no 5-digit one; its own vocabulary (99) never does.
    await appendProjectEvents(ctx().store, 'A.1', [
      projectCreated({ projectId: 'A.1', region: 'Africa' }),
      tx('IF-9', 'incoming-funds', '0.05', '2015-01-01', 'USD', 'A.1'),
      sectors('A.1', [['2', '151', '100']]),
    ]);
    await appendProjectEvents(ctx().store, 'B.1', [
      projectCreated({ projectId: 'B.1', region: 'Africa' }),
      tx('IF-8', 'incoming-funds', '7.00', '2015-01-01', 'USD', 'B.1'),
      sectors('B.1', [['99', 'TCMMCB', '100']]),
    ]);
    await ctx().project();
    const money = (over: Record<string, string>) => ({
      incomingCommitment: '0.00',
      incomingFunds: '0.00',
      committed: '0.00',
      disbursed: '0.00',
      spent: '0.00',
      ...over,
    });
    expect((await ctx().model.moneyStats('sector')).data).toEqual([
      { key: '151', currency: 'USD', projects: 1, ...money({ incomingFunds: '0.05' }) },
      { key: '15110', currency: 'EUR', projects: 1, ...money({ spent: '150.15' }) },
      {
        key: '15110',
        currency: 'USD',
        projects: 1,
        // 30 % of 75,000.35 is 22,500.105: the group total is rounded half to even.
        ...money({
          incomingCommitment: '60000.00',
          incomingFunds: '36000.00',
          disbursed: '9000.03',
          spent: '22500.10',
        }),
      },
      { key: '15190', currency: 'EUR', projects: 1, ...money({ spent: '350.35' }) },
      {
        key: '15190',
        currency: 'USD',
        projects: 1,
        ...money({
          incomingCommitment: '140000.00',
          incomingFunds: '84000.00',
          disbursed: '21000.07',
          spent: '52500.24',
        }),
      },
    ]);
  });

  it('answers null for a project it does not know', async () => {
    expect((await ctx().model.finances('NOPE')).data).toBeNull();
    expect((await ctx().model.transactions('NOPE', { limit: 5 })).data).toBeNull();
  });
}
