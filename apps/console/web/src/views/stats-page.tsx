import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson } from '../api';
import { chartValue, formatCount, formatDecimal } from '../format';
import { ChartCanvas, SERIES_COLOURS } from '../parts/chart';
import { MoneyStatBlock, type MoneyFigure } from '../parts/money-stat-block';
import { ProblemNote } from '../parts/problem-note';
import { sectorLabel } from '../parts/project-facts';

interface Stat {
  key: string | number;
  projects: number;
  budget: { currency: string; total: string };
}

const DIMENSIONS = [
  ['region', 'Budget by region'],
  ['status', 'Budget by status'],
  ['fundingYear', 'Budget by funding year'],
] as const;

const FUNDER_FIGURES: MoneyFigure[] = ['incomingCommitment', 'incomingFunds'];
const SECTOR_FIGURES: MoneyFigure[] = ['incomingCommitment', 'committed', 'disbursed', 'spent'];
/** The statistics key is a DAC code: 5 digits (vocabulary 1) or a 3-digit category (vocabulary 2). */
const dacLabel = (code: string) => sectorLabel(code.length === 5 ? '1' : '2', code);

/**
 * Budget totals from GET /stats/budget (one series per currency) and money from GET /stats/finances by
 * funder and by sector, as charts, each with its exact table.
 */
export function StatsPage() {
  return (
    <section aria-labelledby="stats-heading">
      <h1 id="stats-heading">Statistics</h1>
      <div class="stats-grid">
        {DIMENSIONS.map(([dimension, title]) => (
          <StatBlock key={dimension} dimension={dimension} title={title} />
        ))}
        <MoneyStatBlock
          dimension="funder"
          title="Money by funder"
          keyHeading="Funder"
          figures={FUNDER_FIGURES}
        />
        <MoneyStatBlock
          dimension="sector"
          title="Money by sector"
          keyHeading="Sector"
          figures={SECTOR_FIGURES}
          keyLabel={dacLabel}
        />
      </div>
      <p class="help">
        Money counts the recorded transactions that stand (reversed ones count for nothing). By funder: the
        provider of incoming commitments and funds. By sector: each transaction split over the project’s DAC
        sectors by their percentages. Totals are per currency; no exchange rate is applied.
      </p>
    </section>
  );
}

function StatBlock({ dimension, title }: { dimension: string; title: string }) {
  const [stats, setStats] = useState<Stat[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getJson<Stat[]>(`/stats/budget?groupBy=${dimension}`).then(setStats, setError);
  }, [dimension]);
  const config = useMemo(() => (stats ? chartOf(stats) : null), [stats]);
  const id = `stat-${dimension}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error !== null && <ProblemNote error={error} />}
      {stats && stats.length === 0 && <p>No projects yet.</p>}
      {config && stats && stats.length > 0 && <ChartCanvas config={config} label={dimension} />}
      {stats && stats.length > 0 && (
        <table class="compact">
          <caption class="sr-only">{title}, exact totals</caption>
          <thead>
            <tr>
              <th scope="col">
                {dimension === 'fundingYear' ? 'Funding year' : dimension === 'region' ? 'Region' : 'Status'}
              </th>
              <th scope="col" class="num">
                Projects
              </th>
              <th scope="col" class="num">
                Budget
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={`${s.key}-${s.budget.currency}`}>
                <th scope="row">{String(s.key)}</th>
                <td class="num">{formatCount(s.projects)}</td>
                <td class="num">
                  {s.budget.currency} {formatDecimal(s.budget.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function chartOf(stats: Stat[]): ChartConfiguration {
  const keys = [...new Set(stats.map((s) => String(s.key)))];
  const currencies = [...new Set(stats.map((s) => s.budget.currency))];
  const exact = new Map(stats.map((s) => [`${s.key}|${s.budget.currency}`, s.budget.total]));
  return {
    type: 'bar',
    data: {
      labels: keys,
      datasets: currencies.map((currency, i) => ({
        label: currency,
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        data: keys.map((k) => chartValue(exact.get(`${k}|${currency}`) ?? '0')),
      })),
    },
    options: {
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label} ${formatDecimal(exact.get(`${keys[item.dataIndex]}|${item.dataset.label}`) ?? '0')}`,
          },
        },
      },
    },
  };
}
