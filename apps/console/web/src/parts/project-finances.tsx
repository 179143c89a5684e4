import type { FinanceSummary } from '@ledger/domain';
import { formatDecimal, formatPartialDate, formatShare } from '../format';

/** One row of GET /projects/{id}/finances, as the domain defines it: exact decimal strings, per currency. */
export type FinanceRow = FinanceSummary;

const amount = (value: string | null) => (value === null ? '—' : formatDecimal(value));

/** The figures as the ledger defines them (docs/read-model.md), in the order money flows. */
const FIGURES: [string, (row: FinanceRow) => string][] = [
  ['Budget', (r) => amount(r.budget)],
  ['Incoming commitments', (r) => amount(r.incomingCommitment)],
  ['Incoming funds', (r) => amount(r.incomingFunds)],
  ['Committed', (r) => amount(r.committed)],
  ['Disbursed', (r) => amount(r.disbursed)],
  ['Spent (disbursed and expenditure)', (r) => amount(r.spent)],
  ['Remaining', (r) => amount(r.remaining)],
  ['Share of budget spent', (r) => formatShare(r.spentShare)],
  ['Last transaction', (r) => formatPartialDate(r.lastTransactionDate)],
];

/** The financial summary: one column per currency, budget currency first; no exchange rate is applied. */
export function ProjectFinances({ rows }: { rows: FinanceRow[] }) {
  return (
    <section class="card" aria-labelledby="finances-heading">
      <h2 id="finances-heading">Financial summary</h2>
      {rows.length === 0 ? (
        <p>No transactions recorded yet.</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Financial summary figures">
          <table class="compact finances">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                {rows.map((r) => (
                  <th key={r.currency} scope="col" class="num">
                    {r.currency}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {FIGURES.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {rows.map((r) => (
                    <td key={r.currency} class="num">
                      {value(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.some((r) => r.budget === null) && (
        <p class="help">
          A currency other than the budget’s has no budget, remainder or share: no exchange rate is invented.
        </p>
      )}
    </section>
  );
}
