import { foldProject } from './project.evolve';
import { summariseFinances } from './project.finances';
import type { ProjectSnapshot } from './project.state';
import { budgetRevised, projectCreated, projectStarted } from './testing/project.fixtures';
import { orgAdded } from './testing/profile.fixtures';
import { transaction, transactionRecorded, transactionReversed } from './testing/transaction.fixtures';

const COMMITMENT = transaction('IC-1', 'incoming-commitment', '200000.00', '2014-02-10');
const FUNDS = transaction('IF-1', 'incoming-funds', '120000.00', '2014-03-05');
const DISBURSED = transaction('D-1', 'disbursement', '30000.10', '2014-06-30');
const SPENT = transaction('E-1', 'expenditure', '45000.25', '2014-09-30');
const MISTAKE = transaction('E-2', 'expenditure', '9999.99', '2014-10-01');

/** A funder, four types of transactions, a reversal and a budget revision (200000.00 -> 210000.00). */
const HISTORY = [
  projectCreated(),
  orgAdded('org-1'),
  projectStarted(),
  ...[COMMITMENT, FUNDS, DISBURSED, SPENT, MISTAKE].map(transactionRecorded),
  transactionReversed(MISTAKE, '2014-10-02'),
  budgetRevised({ previous: '200000.00', amount: '210000.00', delta: '10000.00' }),
];
const summaryOf = (events: typeof HISTORY) => {
  const state = foldProject(events) as ProjectSnapshot;
  return summariseFinances(state.budget, state.transactions);
};

describe('financial summary', () => {
  it('is right to the cent for a funder, four transaction types, a reversal and a budget revision', () => {
    expect(summaryOf(HISTORY)).toEqual([
      {
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
      },
    ]);
  });

  it('counts a reversed transaction until its reversal is folded in', () => {
    const beforeReversal = HISTORY.filter((e) => e.type !== 'TransactionReversed');
    expect(summaryOf(beforeReversal)[0].spent).toBe('85000.34');
  });

  it('gives a currency other than the budget’s its own row, without budget, remaining or share', () => {
    const eur = transaction('E-EUR', 'expenditure', '500.50', '2014-11-01', {
      value: { amount: '500.50', currency: 'EUR' },
    });
    expect(summaryOf([...HISTORY, transactionRecorded(eur)])[1]).toEqual({
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
    });
  });

  it('lists the budget currency with zeros when nothing was recorded yet', () => {
    expect(summaryOf([projectCreated()])).toEqual([
      expect.objectContaining({
        currency: 'USD',
        budget: '200000.00',
        spent: '0.00',
        remaining: '200000.00',
        spentShare: '0.0000',
        lastTransactionDate: null,
      }),
    ]);
  });

  it('counts outgoing commitments as committed and leaves pledges out of every figure', () => {
    const commitment = transaction('OC-1', 'outgoing-commitment', '15000.00', '2014-05-01');
    const pledge = transaction('IP-1', 'incoming-pledge', '1000000.00', '2014-01-01');
    const [usd] = summaryOf([projectCreated(), ...[commitment, pledge].map(transactionRecorded)]);
    expect([usd.committed, usd.incomingCommitment, usd.incomingFunds, usd.spent]).toEqual([
      '15000.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });
});
