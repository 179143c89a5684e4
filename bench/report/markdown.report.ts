import type { BenchReport } from './bench-report';
import { fmt, fmtRatio, latencyText, verdict } from './bench-report';

/** Every missed target with its measured limit and the next lever beside it. */
function leverLines(report: BenchReport): string[] {
  const missed = report.figures.filter((f) => f.target && !f.target.met);
  if (missed.length === 0) return [];
  return [
    '### Missed targets: limit and next lever',
    '',
    ...missed.map((f) => `- **${f.label}** (${f.target!.text}): ${f.target!.lever ?? 'no lever recorded'}`),
    '',
  ];
}

/** The markdown report (docs/performance.md keeps the latest): settings, machine, table, gaps, RSS. */
export function markdownReport(report: BenchReport, chartFile: string): string {
  const m = report.machine;
  const lines = [
    `# Benchmark report (${report.mode} run)`,
    '',
    `Run ${report.startedAt} → ${report.finishedAt} (${report.durationSeconds} s).`,
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} GiB free at start), Node ${m.node}, ${m.os}.`,
    `Load average (1/5/15 min) at start ${m.loadAverage.join(' / ')}, at end ${report.loadAverageAtEnd.join(' / ')}: other work shared these ${m.cores} cores.`,
    '',
    'Every figure is the median of the repetitions; its raw baseline was measured in the same repetition, back',
    'to back, and the ratio is the median of the per-repetition ratios. The machine is shared: read ratios, not',
    'absolute numbers.',
    '',
    '## Settings',
    '',
    ...Object.entries(report.settings).map(([k, v]) => `- ${k}: ${JSON.stringify(v)}`),
    '',
    '## Results',
    '',
    '| # | measure | value (median) | raw baseline | ratio | latency (ours) | latency (raw) | target | runs |',
    '|---|---|---|---|---|---|---|---|---|',
    ...report.figures.map((f) =>
      [
        '',
        f.section,
        f.label,
        `${fmt(f.value)} ${f.unit}`,
        f.baseline ? `${fmt(f.baseline.value)} — ${f.baseline.label}` : '',
        fmtRatio(f.ratio),
        latencyText(f.latencyMs),
        latencyText(f.baseline?.latencyMs),
        verdict(f),
        f.runs.map(fmt).join(', ') + (f.baseline ? ` / raw ${f.baseline.runs.map(fmt).join(', ')}` : ''),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    ...report.figures.flatMap((f) => f.notes.map((n) => `- ${f.label}: ${n}`)),
    '',
    ...leverLines(report),
    '',
    `![latency percentiles](${chartFile})`,
    '',
    ...Object.entries(report.charts).flatMap(([name, title]) => [
      `![${title}](${chartFile.replace(/\.svg$/, '')}-${name}.svg)`,
      '',
    ]),
    '## Not measured',
    '',
    ...(report.notMeasured.length === 0
      ? ['Everything in the brief was measured.']
      : report.notMeasured.map((n) => `- not measured: ${n.section} ${n.label}: ${n.why}`)),
    '',
    '## Peak RSS per process',
    '',
    '| process | peak RSS (MiB) |',
    '|---|---|',
    ...Object.entries(report.peakRssMiB).map(([role, mib]) => `| ${role} | ${mib} |`),
    '',
  ];
  return lines.join('\n');
}
