import type { Figure } from '../lib/results';
import type { LatencySummary } from '../lib/stats';
import { fmt } from './bench-report';

const COLORS = { p50: '#4e79a7', p95: '#f28e2b', p99: '#e15759' } as const;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Row {
  label: string;
  latency: LatencySummary;
  raw: boolean;
}

function rowsOf(figures: Figure[]): Row[] {
  const rows: Row[] = [];
  // Several figures share one measurement (the same HTTP run against two baselines): draw each once.
  const seen = new Set<string>();
  const add = (row: Row) => {
    const key = `${row.label}|${row.latency.p50}|${row.latency.p99}`;
    if (!seen.has(key)) rows.push(row);
    seen.add(key);
  };
  for (const f of figures) {
    if (f.latencyMs) add({ label: f.label.replace(/ vs no-op/, ''), latency: f.latencyMs, raw: false });
    if (f.baseline?.latencyMs)
      add({ label: `raw: ${f.baseline.label}`, latency: f.baseline.latencyMs, raw: true });
  }
  return rows;
}

/**
 * Hand-written SVG: p50/p95/p99 latency bars per measured path and its raw baseline, on a log scale
 * (latencies here span from tens of microseconds to tens of milliseconds).
 */
export function latencyChartSvg(figures: Figure[]): string {
  const rows = rowsOf(figures);
  const left = 430;
  const width = 1000;
  const plot = width - left - 60;
  const rowHeight = 34;
  const top = 50;
  const height = top + rows.length * rowHeight + 50;
  const values = rows
    .flatMap((r) => [r.latency.p50, r.latency.p95, r.latency.p99])
    .filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values, 1))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 10))));
  const x = (v: number) =>
    left + (plot * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">Latency percentiles (ms, log scale): ours vs raw baseline, medians of repetitions</text>`,
  ];
  for (let decade = lo; decade <= hi; decade *= 10) {
    const gx = x(decade);
    parts.push(`<line x1="${gx}" y1="${top - 8}" x2="${gx}" y2="${height - 40}" stroke="#ddd"/>`);
    parts.push(`<text x="${gx}" y="${height - 25}" text-anchor="middle">${fmt(decade)}</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end" fill="${row.raw ? '#666' : '#000'}">${esc(row.label)}</text>`,
    );
    (['p50', 'p95', 'p99'] as const).forEach((p, j) => {
      const v = row.latency[p];
      if (!Number.isFinite(v)) return;
      const by = y + 4 + j * 9;
      parts.push(
        `<rect x="${left}" y="${by}" width="${Math.max(1, x(v) - left)}" height="8" fill="${COLORS[p]}" opacity="${row.raw ? 0.55 : 1}"/>`,
      );
      if (p === 'p99') parts.push(`<text x="${x(v) + 4}" y="${by + 8}" font-size="10">${fmt(v)}</text>`);
    });
  });
  const legendY = height - 10;
  Object.entries(COLORS).forEach(([p, color], i) => {
    parts.push(
      `<rect x="${left + i * 80}" y="${legendY - 9}" width="10" height="10" fill="${color}"/><text x="${left + i * 80 + 14}" y="${legendY}">${p}</text>`,
    );
  });
  parts.push(`<text x="${left + 260}" y="${legendY}" fill="#666">paler bars: raw baseline</text>`, '</svg>');
  return parts.join('\n') + '\n';
}
