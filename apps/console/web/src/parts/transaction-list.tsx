import type { TransactionParty } from '@ledger/domain';
import type { TransactionView } from '@ledger/read-model';
import { useEffect, useState } from 'preact/hooks';
import { getJson, projectPath, withQuery } from '../api';
import { formatDecimal, formatPartialDate } from '../format';
import { ProblemNote } from './problem-note';

type Party = TransactionParty;

/** One item of GET /projects/{id}/transactions. */
export type Transaction = TransactionView;

interface Page {
  items: Transaction[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;
const party = (p: Party | null) => (p ? (p.ref ? `${p.name} (${p.ref})` : p.name) : '—');
const typeLabel = (type: string) => type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');

/** The project's transactions by date, in keyset pages; a reversed one stays listed, marked and struck. */
export function TransactionList({ projectId }: { projectId: string }) {
  // The cursors of the pages walked so far; the last one is the page shown ('' is the first page).
  const [cursors, setCursors] = useState<string[]>(['']);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors(['']), [projectId]);
  useEffect(() => {
    setError(null);
    getJson<Page>(
      withQuery(`${projectPath(projectId)}/transactions`, { limit: PAGE_SIZE, cursor: cursor || undefined }),
    ).then(setPage, setError);
  }, [projectId, cursor]);

  return (
    <section class="card" aria-labelledby="transactions-heading">
      <h2 id="transactions-heading">Transactions</h2>
      {error !== null && <ProblemNote error={error} />}
      {page && page.items.length === 0 && cursors.length === 1 && <p>No transactions recorded yet.</p>}
      {page && page.items.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Transactions by date">
          <table class="compact transactions">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col">Provider</th>
                <th scope="col">Receiver</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((t) => (
                <tr key={t.ref} data-transaction={t.ref} class={t.reversal ? 'reversed' : undefined}>
                  <th scope="row">{formatPartialDate(t.date)}</th>
                  <td>
                    {typeLabel(t.type)} ({t.ref})
                  </td>
                  <td class="num">
                    <span class="amount">
                      {t.value.currency} {formatDecimal(t.value.amount)}
                    </span>
                    {t.reversal && (
                      <span class="badge">
                        Reversed {formatPartialDate(t.reversal.date)}: {t.reversal.reason}
                      </span>
                    )}
                  </td>
                  <td>{party(t.provider)}</td>
                  <td>{party(t.receiver)}</td>
                  <td>{t.description ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (cursors.length > 1 || page.nextCursor) && (
        <nav class="pager" aria-label="Pages of transactions">
          <button
            type="button"
            disabled={cursors.length < 2}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous transactions
          </button>
          <span>Page {cursors.length}</span>
          <button
            type="button"
            disabled={!page.nextCursor}
            onClick={() => page.nextCursor && setCursors([...cursors, page.nextCursor])}
          >
            Next transactions
          </button>
        </nav>
      )}
      <p class="help">A reversed transaction stays listed and counts in no figure.</p>
    </section>
  );
}
