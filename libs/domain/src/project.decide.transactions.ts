import { CLOSING_WINDOW_MONTHS } from './finance.policy';
import { addMonths, comparePartialDates, lastDayOf, utcDateOf } from './partial-date';
import type { Decision } from './project.decision';
import { reject } from './project.rejections';
import type { ProjectSnapshot } from './project.state';
import type { RecordTransaction, ReverseTransaction, TransactionCommand } from './transaction.commands';

const accept = (...events: Extract<Decision, { ok: true }>['events']): Decision => ({ ok: true, events });

/** The last day transactions may be recorded on, or null while the project is not finished. */
export function closingWindowEnd(state: ProjectSnapshot): string | null {
  if (state.status === 'completed' && state.actualEnd !== null) {
    return addMonths(lastDayOf(state.actualEnd), CLOSING_WINDOW_MONTHS);
  }
  if (state.status === 'completed' || state.status === 'cancelled') {
    return addMonths(lastDayOf(state.plannedEnd), CLOSING_WINDOW_MONTHS);
  }
  return null;
}

function windowClosed(state: ProjectSnapshot, today: string, what: string): Decision | null {
  const end = closingWindowEnd(state);
  if (end === null || today <= end) return null;
  return reject(
    'PROJECT.CLOSING_WINDOW_PASSED',
    `Project ${state.projectId} is ${state.status}; transactions could be ${what} until ${end} (${CLOSING_WINDOW_MONTHS} months after its end), and today is ${today}.`,
  );
}

/**
 * Transactions are accepted in every status; a finished project accepts them only within its closing
 * window. Nothing is edited: a mistake is undone by a reversal that names the original.
 */
export function decideTransaction(command: TransactionCommand, state: ProjectSnapshot): Decision {
  return command.type === 'RecordTransaction' ? record(command, state) : reverse(command, state);
}

function record(command: RecordTransaction, state: ProjectSnapshot): Decision {
  const { projectId, ...transaction } = command.data;
  const today = utcDateOf(command.now);
  const closed = windowClosed(state, today, 'recorded');
  if (closed) return closed;
  if (state.transactions.some((t) => t.ref === transaction.ref)) {
    return reject(
      'PROJECT.TRANSACTION_REF_TAKEN',
      `Project ${projectId} already has a transaction ${transaction.ref}; a transaction ref is unique within its project.`,
    );
  }
  if (comparePartialDates(transaction.date, today) > 0) {
    return reject(
      'PROJECT.TRANSACTION_IN_FUTURE',
      `Project ${projectId} cannot record transaction ${transaction.ref} dated ${transaction.date}: a transaction may not be dated after today (${today}).`,
    );
  }
  return accept({ type: 'TransactionRecorded', data: { projectId, ...transaction } });
}

function reverse(command: ReverseTransaction, state: ProjectSnapshot): Decision {
  const { projectId, ref, reason } = command.data;
  const today = utcDateOf(command.now);
  const date = command.data.date ?? today;
  const original = state.transactions.find((t) => t.ref === ref);
  if (!original) {
    return reject(
      'PROJECT.TRANSACTION_NOT_FOUND',
      `Project ${projectId} has no transaction ${ref} to reverse.`,
    );
  }
  if (original.reversal !== null) {
    return reject(
      'PROJECT.TRANSACTION_ALREADY_REVERSED',
      `Project ${projectId}: transaction ${ref} was already reversed on ${original.reversal.date}.`,
    );
  }
  const closed = windowClosed(state, today, 'reversed');
  if (closed) return closed;
  if (comparePartialDates(date, today) > 0) {
    return reject(
      'PROJECT.TRANSACTION_IN_FUTURE',
      `Project ${projectId} cannot reverse transaction ${ref} on ${date}: a reversal may not be dated after today (${today}).`,
    );
  }
  if (comparePartialDates(date, original.date) < 0) {
    return reject(
      'PROJECT.REVERSAL_BEFORE_TRANSACTION',
      `Project ${projectId} cannot reverse transaction ${ref} on ${date}: it took place on ${original.date}.`,
    );
  }
  return accept({
    type: 'TransactionReversed',
    data: { projectId, ref, type: original.type, value: { ...original.value }, date, reason },
  });
}
