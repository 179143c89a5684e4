import type { MachineInfo } from '../lib/machine';
import type { Figure, NotMeasured } from '../lib/results';

/** What one `npm run bench` writes as JSON, and what the markdown and SVG are rendered from. */
export interface BenchReport {
  mode: 'quick' | 'full';
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  loadAverageAtEnd: number[];
  settings: Record<string, unknown>;
  figures: Figure[];
  notMeasured: NotMeasured[];
  peakRssMiB: Record<string, number>;
  /** Chart titles by name; the SVG of chart `name` is written as `<prefix>-<name>.svg`. */
  charts: Record<string, string>;
}

/** 12,345 / 123 / 12.3 / 1.23: enough digits to compare, no false precision. */
export function fmt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export const fmtRatio = (ratio: number | undefined): string =>
  ratio === undefined || !Number.isFinite(ratio) ? '–' : ratio.toFixed(2);

export function latencyText(figure: Pick<Figure, 'latencyMs'>['latencyMs']): string {
  if (!figure) return '';
  const p95 = Number.isFinite(figure.p95) ? ` p95 ${fmt(figure.p95)}` : '';
  return `p50 ${fmt(figure.p50)}${p95} p99 ${fmt(figure.p99)} ms`;
}

export function verdict(figure: Figure): string {
  if (!figure.target) return '';
  const { met, text, perRep } = figure.target;
  const reps = perRep ? `; per repetition ${perRep.map((m) => (m ? 'met' : 'missed')).join(', ')}` : '';
  return `${met ? 'MET' : 'MISSED'} (${text}${reps})`;
}
