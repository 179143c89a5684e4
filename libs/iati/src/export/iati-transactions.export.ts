import {
  transactionTypeCode,
  type LedgerTransaction,
  type ProjectSnapshot,
  type TransactionParty,
} from '@ledger/domain';
import { LEDGER_PREFIX } from '../iati.codes';
import { activityFromTree } from '../import/iati-activity.reader';
import { holdableTransactions, transactionRefs } from '../import/iati-transactions.import';
import { toXmlElement, type XmlTree } from '../xml/xml-tree';
import { el, type XmlElement } from '../xml/xml-writer';

const narrative = (text: string) => el('narrative', {}, [text]);

/** What a recorded transaction says, without its reversal: compared with what a kept element reads as. */
const factsOf = (t: Omit<LedgerTransaction, 'reversal'> & { reversal?: unknown }) =>
  JSON.stringify([t.ref, t.type, t.date, t.value, t.valueDate, t.provider, t.receiver, t.description]);

const party = (name: string, activityAttribute: string, p: TransactionParty | null): XmlElement[] =>
  p
    ? [
        el(name, { ref: p.ref ?? undefined, [activityAttribute]: p.activityId ?? undefined }, [
          narrative(p.name),
        ]),
      ]
    : [];

/** A transaction element of a recorded transaction (children in the 2.03 order). */
function transactionElement(t: LedgerTransaction): XmlElement {
  return el('transaction', { ref: t.ref }, [
    el('transaction-type', { code: transactionTypeCode(t.type) }),
    el('transaction-date', { 'iso-date': t.date }),
    el('value', { currency: t.value.currency, 'value-date': t.valueDate ?? t.date }, [t.value.amount]),
    ...(t.description ? [el('description', {}, [narrative(t.description)])] : []),
    ...party('provider-org', 'provider-activity-id', t.provider),
    ...party('receiver-org', 'receiver-activity-id', t.receiver),
  ]);
}

/**
 * A reversal as IATI can show one: a transaction of the same type with the negated value, dated the
 * reversal's day, its reason as the description, marked `ledger:reverses` with the ref it undoes.
 */
function reversalElement(t: LedgerTransaction): XmlElement[] {
  if (!t.reversal) return [];
  return [
    el('transaction', { ref: `${t.ref}-reversal`, [`${LEDGER_PREFIX}:reverses`]: t.ref }, [
      el('transaction-type', { code: transactionTypeCode(t.type) }),
      el('transaction-date', { 'iso-date': t.reversal.date }),
      el('value', { currency: t.value.currency, 'value-date': t.reversal.date }, [
        // Recorded values are positive: the reversal's is the same amount with a minus sign.
        `-${t.value.amount}`,
      ]),
      el('description', {}, [narrative(t.reversal.reason)]),
    ]),
  ];
}

/**
 * The transaction elements of a project. Each kept element (an imported activity's) is given back as kept
 * while the ledger's transaction of the same ref still says what it says, or when the ledger holds no
 * transaction of that ref (the domain refused it: it stays verbatim); a kept element the ledger holds
 * differently is written from the field. Transactions recorded in the ledger itself follow, and every
 * reversal is written after the transaction it undoes.
 */
export function transactionElements(
  project: ProjectSnapshot,
  kept: readonly XmlTree[],
  activityAttributes: Record<string, string>,
): XmlElement[] {
  const recorded = project.transactions ?? [];
  const read = activityFromTree(
    { name: 'iati-activity', attrs: activityAttributes, children: [...kept], text: '' },
    1,
  );
  const refs = transactionRefs(read.transactions);
  const readAs = new Map(holdableTransactions(read).held.map((t) => [t.ref, factsOf(t)]));
  // Reversals an import read from our own export stay as kept; they are not written a second time.
  const keptReversals = new Set(read.transactions.flatMap((t) => t.reverses ?? []));
  const out: XmlElement[] = [];
  kept.forEach((tree, i) => {
    const held = recorded.find((t) => t.ref === refs[i]);
    if (!held || read.transactions[i].reverses !== null) return out.push(toXmlElement(tree));
    out.push(readAs.get(held.ref) === factsOf(held) ? toXmlElement(tree) : transactionElement(held));
    if (!keptReversals.has(held.ref)) out.push(...reversalElement(held));
  });
  for (const t of recorded.filter((r) => !refs.includes(r.ref)))
    out.push(transactionElement(t), ...reversalElement(t));
  return out;
}
