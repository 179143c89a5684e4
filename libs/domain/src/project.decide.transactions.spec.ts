import { CLOSING_WINDOW_MONTHS } from './finance.policy';
import { given } from './testing/decider.spec-helper';
import {
  HISTORIES,
  cancelProject,
  projectCancelled,
  projectCompleted,
  projectCreated,
  projectStarted,
} from './testing/project.fixtures';
import {
  recordTransaction,
  reverseTransaction,
  transaction,
  transactionRecorded,
  transactionReversed,
} from './testing/transaction.fixtures';

const FUNDS = transaction('TX-1', 'incoming-funds', '50000.00', '2015-03-01');

describe('recording a transaction', () => {
  it.each(['planned', 'active', 'suspended'] as const)('records it on a %s project', (status) => {
    given(HISTORIES[status])
      .when(recordTransaction(FUNDS))
      .then([transactionRecorded(FUNDS)]);
  });

  it('keeps provider, receiver, value date and description as given', () => {
    const full = transaction('TX-2', 'incoming-commitment', '120000.00', '2014-02-10', {
      valueDate: '2014-02-01',
      provider: { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' },
      receiver: { name: 'International Organization for Migration', ref: 'XM-DAC-47066', activityId: null },
      description: 'Grant agreement signed',
    });
    given(HISTORIES.active)
      .when(recordTransaction(full))
      .then([transactionRecorded(full)]);
  });

  it('keeps a value in another currency than the budget as given', () => {
    const eur = transaction('TX-3', 'expenditure', '999.99', '2015-03-01', {
      value: { amount: '999.99', currency: 'EUR' },
    });
    given(HISTORIES.active)
      .when(recordTransaction(eur))
      .then([transactionRecorded(eur)]);
  });

  it('accepts a transaction dated on the day of the command', () => {
    const today = transaction('TX-4', 'expenditure', '1.00', '2020-06-15');
    given(HISTORIES.active)
      .when(recordTransaction(today, '2020-06-15T00:00:00Z'))
      .then([transactionRecorded(today)]);
  });

  it('rejects a transaction dated after the command time', () => {
    given(HISTORIES.active)
      .when(
        recordTransaction(transaction('TX-5', 'expenditure', '1.00', '2020-06-16'), '2020-06-15T23:59:59Z'),
      )
      .thenRejects('PROJECT.TRANSACTION_IN_FUTURE', /2020-06-16/);
  });

  it('rejects a ref the project already used, reversed or not', () => {
    given([...HISTORIES.active, transactionRecorded(FUNDS), transactionReversed(FUNDS, '2015-04-01')])
      .when(recordTransaction({ ...FUNDS, value: { amount: '1.00', currency: 'USD' } }))
      .thenRejects('PROJECT.TRANSACTION_REF_TAKEN', /TX-1/);
  });

  it(`accepts a transaction on a completed project up to ${CLOSING_WINDOW_MONTHS} months after its actual end`, () => {
    const late = transaction('TX-6', 'expenditure', '10.00', '2016-11-30');
    given([projectCreated(), projectStarted(), projectCompleted('2016-11')])
      .when(recordTransaction(late, '2017-11-30T23:00:00Z'))
      .then([transactionRecorded(late)]);
  });

  it('rejects a transaction on a completed project after its closing window', () => {
    given([projectCreated(), projectStarted(), projectCompleted('2016-11')])
      .when(
        recordTransaction(transaction('TX-7', 'expenditure', '10.00', '2016-11-30'), '2017-12-01T00:00:00Z'),
      )
      .thenRejects('PROJECT.CLOSING_WINDOW_PASSED', /2017-11-30/);
  });

  it('counts a cancelled project’s closing window from its planned end', () => {
    const history = [projectCreated({ plannedEnd: '2016' }), projectCancelled()];
    given(history)
      .when(recordTransaction(FUNDS, '2017-12-31T12:00:00Z'))
      .then([transactionRecorded(FUNDS)]);
    given(history)
      .when(recordTransaction(FUNDS, '2018-01-01T00:00:00Z'))
      .thenRejects('PROJECT.CLOSING_WINDOW_PASSED');
  });

  it('still refuses lifecycle commands on a cancelled project', () => {
    given([projectCreated(), projectCancelled()]).when(cancelProject()).thenRejects('PROJECT.TERMINAL');
  });
});

describe('reversing a transaction', () => {
  const history = [...HISTORIES.active, transactionRecorded(FUNDS)];

  it('copies the original type and value, dated on the command day by default', () => {
    given(history)
      .when(reverseTransaction('TX-1', null, 'Booked twice', '2020-06-15T08:00:00Z'))
      .then([transactionReversed(FUNDS, '2020-06-15', 'Booked twice')]);
  });

  it('takes effect on the date given', () => {
    given(history)
      .when(reverseTransaction('TX-1', '2015-03-02'))
      .then([transactionReversed(FUNDS, '2015-03-02')]);
  });

  it('rejects a reversal of a transaction that does not exist', () => {
    given(history)
      .when(reverseTransaction('TX-404'))
      .thenRejects('PROJECT.TRANSACTION_NOT_FOUND', /TX-404/);
  });

  it('rejects a second reversal of one transaction', () => {
    given([...history, transactionReversed(FUNDS, '2015-04-01')])
      .when(reverseTransaction('TX-1'))
      .thenRejects('PROJECT.TRANSACTION_ALREADY_REVERSED', /2015-04-01/);
  });

  it('rejects a reversal dated before the transaction', () => {
    given(history)
      .when(reverseTransaction('TX-1', '2015-02-28'))
      .thenRejects('PROJECT.REVERSAL_BEFORE_TRANSACTION', /2015-03-01/);
  });

  it('rejects a reversal dated after the command time', () => {
    given(history)
      .when(reverseTransaction('TX-1', '2020-06-16', 'Booked twice', '2020-06-15T12:00:00Z'))
      .thenRejects('PROJECT.TRANSACTION_IN_FUTURE');
  });

  it('rejects a reversal on a completed project after its closing window', () => {
    given([projectCreated(), projectStarted(), transactionRecorded(FUNDS), projectCompleted('2016-11')])
      .when(reverseTransaction('TX-1', '2017-12-01', 'late', '2017-12-01T00:00:00Z'))
      .thenRejects('PROJECT.CLOSING_WINDOW_PASSED');
  });
});
