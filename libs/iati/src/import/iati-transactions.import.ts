import { createHash } from 'node:crypto';
import { parseCommandInput, type Transaction } from '@ledger/domain';
import type { IatiActivityInput, IatiPartyInput, IatiTransactionInput } from './iati-activity.input';
import type { Holding } from './iati-profile.import';

/** A ledger transaction ref names it in URLs: the @ref as given when it fits, else one made from content. */
const USABLE_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const CHECK_ID = 'XX.0000';

/**
 * The ledger ref of each transaction element, in file order: its own @ref when that fits a URL segment and
 * is not taken by an earlier one, else `iati-` and the first 12 hex digits of the SHA-256 of its canonical
 * XML (position-independent, so a file with a transaction added in between keeps the others' refs), with
 * `-2`, `-3` … for identical elements.
 */
export function transactionRefs(transactions: readonly IatiTransactionInput[]): string[] {
  const taken = new Set<string>();
  return transactions.map((t) => {
    let ref =
      t.ref !== null && USABLE_REF.test(t.ref) && !taken.has(t.ref)
        ? t.ref
        : `iati-${createHash('sha256').update(t.xml).digest('hex').slice(0, 12)}`;
    const base = ref;
    for (let n = 2; taken.has(ref); n++) ref = `${base}-${n}`;
    taken.add(ref);
    return ref;
  });
}

const partyBody = (party: IatiPartyInput | null) =>
  party === null ? null : { name: party.name ?? party.ref, ref: party.ref, activityId: party.activityId };

/** The element name the report and the command ids use for a transaction. */
export const transactionElement = (ref: string) => `transaction ${ref}`;

/**
 * The transactions the domain accepts (`RecordTransaction`), each checked on its own: type, date, a positive
 * exact value in a currency (the value's, else the activity's default), provider and receiver. Refused ones
 * stay verbatim. Rules that depend on the project (the closing window, a date after today) are the
 * command's to apply when it runs.
 */
export function holdableTransactions(
  activity: Pick<IatiActivityInput, 'transactions' | 'defaultCurrency'>,
): Holding<Transaction> & { reversals: TransactionReversal[] } {
  const refs = transactionRefs(activity.transactions);
  const held: Transaction[] = [];
  const refused: Holding<Transaction>['refused'] = [];
  const reversals: TransactionReversal[] = [];
  activity.transactions.forEach((t, i) => {
    if (t.reverses !== null) {
      const reversal = { ref: t.reverses, reason: t.description ?? 'Reversed', date: t.date };
      const parsed = parseCommandInput('ReverseTransaction', CHECK_ID, reversal);
      if (parsed.ok) reversals.push({ ref: parsed.value.ref, reason: parsed.value.reason, date: t.date });
      else
        refused.push({
          element: transactionElement(refs[i]),
          reason: `reversal not recorded, kept verbatim: ${parsed.errors.map((e) => e.message).join('; ')}`,
        });
      return;
    }
    const parsed = parseCommandInput('RecordTransaction', CHECK_ID, {
      ref: refs[i],
      type: t.typeCode,
      date: t.date,
      value: { amount: t.amount, currency: t.currency ?? activity.defaultCurrency },
      valueDate: t.valueDate,
      provider: partyBody(t.provider),
      receiver: partyBody(t.receiver),
      description: t.description,
    });
    if (parsed.ok) {
      const { projectId: _, ...transaction } = parsed.value;
      held.push(transaction);
    } else
      refused.push({
        element: transactionElement(refs[i]),
        reason: `not recorded, kept verbatim: ${parsed.errors.map((e) => e.message).join('; ')}`,
      });
  });
  return { held, refused, reversals };
}

/** A reversal our own export wrote (a negated transaction marked `ledger:reverses`), as a command body. */
export interface TransactionReversal {
  ref: string;
  reason: string;
  date: string | null;
}
