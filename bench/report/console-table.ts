import type { Figure, NotMeasured } from '../lib/results';
import { fmt, fmtRatio, latencyText, verdict } from './bench-report';

/** The table printed at the end of a run: one line per figure, baseline and ratio beside it. */
export function consoleTable(figures: Figure[], missing: NotMeasured[], rss: Record<string, number>): string {
  const rows = figures.map((f) => [
    f.section.split('.')[0],
    f.label,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.label})` : '',
    fmtRatio(f.ratio),
    latencyText(f.latencyMs),
    verdict(f),
  ]);
  const header = ['#', 'measure', 'value (median)', 'raw baseline', 'ratio', 'latency', 'target'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.min(60, Math.max(...all.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i])).join(' │ ');
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)];
  for (const m of missing) out.push(`not measured: ${m.section} ${m.label}: ${m.why}`);
  out.push(
    '',
    'peak RSS: ' +
      Object.entries(rss)
        .map(([role, mib]) => `${role} ${mib} MiB`)
        .join('; '),
  );
  return out.join('\n') + '\n';
}
