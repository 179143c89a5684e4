import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { chartValue, formatDecimal, formatPartialDate } from '../format';
import type { HistoryEntry } from '../history';
import { ChartCanvas, SERIES_COLOURS } from './chart';
import type { Project } from './project-facts';

export interface BudgetRevision {
  revisionNo: number;
  position: number;
  previous: string;
  amount: string;
  delta: string;
  currency: string;
  reason: string;
  effectiveDate: string;
  note: string | null;
  recordedAt: string;
}

/** The budget from its first approval through every revision: a stepped chart and the exact table. */
export function BudgetHistory(props: {
  project: Project;
  revisions: BudgetRevision[];
  history: HistoryEntry[] | null;
}) {
  const { project, revisions, history } = props;
  // Each amount holds from its date until the next one; the last holds to the end (actual or planned).
  const last = revisions[revisions.length - 1]?.amount ?? project.initialBudget.amount;
  const steps = [
    { label: formatPartialDate(project.plannedStart), amount: project.initialBudget.amount },
    ...revisions.map((r) => ({ label: formatPartialDate(r.effectiveDate), amount: r.amount })),
    { label: formatPartialDate(project.actualEnd ?? project.plannedEnd), amount: last },
  ];
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: steps.map((s) => s.label),
        datasets: [
          {
            label: project.budget.currency,
            data: steps.map((s) => chartValue(s.amount)),
            stepped: 'after',
            borderColor: SERIES_COLOURS[0],
            backgroundColor: SERIES_COLOURS[0],
          },
        ],
      },
      options: {
        scales: { y: { beginAtZero: true } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => `${project.budget.currency} ${formatDecimal(steps[item.dataIndex].amount)}`,
            },
          },
        },
      },
    }),
    [project, revisions],
  );
  // Who sent each revision is in the history (auditors); readers see the revision without its sender.
  const actorOf = (position: number) =>
    history?.find((h) => h.event.position === position)?.event.metadata.actor;
  return (
    <section class="card" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Budget history</h2>
      <ChartCanvas config={config} label="budget" />
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Budget revisions">
        <table class="compact" id="budget-table">
          <thead>
            <tr>
              <th scope="col">Effective</th>
              <th scope="col" class="num">
                Budget
              </th>
              <th scope="col" class="num">
                Change
              </th>
              <th scope="col">Reason</th>
              {history && <th scope="col">Changed by</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{formatPartialDate(project.plannedStart)} (first approved)</td>
              <td class="num">
                {project.initialBudget.currency} {formatDecimal(project.initialBudget.amount)}
              </td>
              <td class="num">—</td>
              <td>—</td>
              {history && <td>{history[0]?.event.metadata.actor ?? '—'}</td>}
            </tr>
            {revisions.map((r) => (
              <tr key={r.revisionNo}>
                <td>{formatPartialDate(r.effectiveDate)}</td>
                <td class="num">
                  {r.currency} {formatDecimal(r.amount)}
                </td>
                <td class="num">
                  {r.delta.startsWith('-') ? '' : '+'}
                  {formatDecimal(r.delta)}
                </td>
                <td>
                  {r.reason}
                  {r.note && <span class="help"> — {r.note}</span>}
                </td>
                {history && <td>{actorOf(r.position) ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
