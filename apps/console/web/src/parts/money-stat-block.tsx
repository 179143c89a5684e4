import type { MoneyStat } from '@ledger/read-model';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson } from '../api';
import { chartValue, formatCount, formatDecimal } from '../format';
import { ChartCanvas, SERIES_COLOURS } from './chart';
import { ProblemNote } from './problem-note';

/** One row of GET /stats/finances: exact totals of standing transactions per group and currency. */
export type { MoneyStat };

export type MoneyFigure = Exclude<keyof MoneyStat, 'key' | 'currency' | 'projects'>;

export const FIGURE_LABELS: Record<MoneyFigure, string> = {
  incomingCommitment: 'Incoming commitments',
  incomingFunds: 'Incoming funds',
  committed: 'Committed',
  disbursed: 'Disbursed',
  spent: 'Spent',
};

interface Props {
  dimension: 'funder' | 'sector';
  title: string;
  /** The column heading of the group key (Funder, Sector). */
  keyHeading: string;
  /** The figures this grouping gives (by funder only incoming money is non-zero). */
  figures: MoneyFigure[];
  /** How a key is shown (a DAC code with its name). */
  keyLabel?: (key: string) => string;
}

/**
 * Money by a grouping from GET /stats/finances as a bar chart (one bar per figure; a group is split by
 * currency, never converted) beside a table of the exact totals, which is what assistive technology reads.
 */
export function MoneyStatBlock({ dimension, title, keyHeading, figures, keyLabel = String }: Props) {
  const [stats, setStats] = useState<MoneyStat[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getJson<MoneyStat[]>(`/stats/finances?groupBy=${dimension}`).then(setStats, setError);
  }, [dimension]);
  const config = useMemo(
    () => (stats && stats.length > 0 ? chartOf(stats, figures, keyLabel) : null),
    [stats, figures, keyLabel],
  );
  const id = `stat-${dimension}`;
  return (
    <section class="card wide" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error !== null && <ProblemNote error={error} />}
      {stats && stats.length === 0 && <p>No transactions yet.</p>}
      {config && <ChartCanvas config={config} label={dimension} />}
      {stats && stats.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`${title}, exact totals`}>
          <table class="compact">
            <caption class="sr-only">{title}, exact totals</caption>
            <thead>
              <tr>
                <th scope="col">{keyHeading}</th>
                <th scope="col" class="num">
                  Projects
                </th>
                {figures.map((f) => (
                  <th key={f} scope="col" class="num">
                    {FIGURE_LABELS[f]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr key={`${s.key}-${s.currency}`}>
                  <th scope="row">{keyLabel(s.key)}</th>
                  <td class="num">{formatCount(s.projects)}</td>
                  {figures.map((f) => (
                    <td key={f} class="num">
                      {s.currency} {formatDecimal(s[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function chartOf(
  stats: MoneyStat[],
  figures: MoneyFigure[],
  keyLabel: (key: string) => string,
): ChartConfiguration {
  const several = new Set(stats.map((s) => s.currency)).size > 1;
  // The axis names the key (a code) only; the tooltip and the table beside the chart give its full name.
  const labels = stats.map((s) => (several ? `${s.key} (${s.currency})` : s.key));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: figures.map((figure, i) => ({
        label: FIGURE_LABELS[figure],
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        data: stats.map((s) => chartValue(s[figure])),
      })),
    },
    options: {
      indexAxis: 'y',
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? keyLabel(stats[items[0].dataIndex].key) : ''),
            label: (item) => {
              const s = stats[item.dataIndex];
              return `${item.dataset.label}: ${s.currency} ${formatDecimal(s[figures[item.datasetIndex]])}`;
            },
          },
        },
      },
    },
  };
}
