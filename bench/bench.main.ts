import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machineInfo } from './lib/machine';
import { parseOptions, type BenchOptions } from './lib/options';
import { Results } from './lib/results';
import { WorkerProcess } from './lib/worker-process';
import { consoleTable } from './report/console-table';
import { latencyChartSvg } from './report/latency-chart.svg';
import { markdownReport } from './report/markdown.report';
import { publishToDocs } from './report/publish-docs';
import type { BenchReport } from './report/bench-report';
import { appendScenario } from './scenarios/append.scenario';
import { auditScenario } from './scenarios/audit.scenario';
import { e2eScenario } from './scenarios/e2e.scenario';
import { projectionScenario } from './scenarios/projection.scenario';
import { relayScenario } from './scenarios/relay.scenario';
import { postgresAppendScenario } from './scenarios/postgres-append.scenario';
import { scaleScenario } from './scenarios/scale.scenario';
import { sseScenario } from './scenarios/sse.scenario';
import { storeScenario } from './scenarios/store.scenario';
import { streamLengthScenario } from './scenarios/stream-length.scenario';

type Scenario = (options: BenchOptions, results: Results, log: (m: string) => void) => Promise<void>;

const SCENARIO_RUNNERS: Record<string, { section: string; run: Scenario }> = {
  append: { section: '1. Durable append / 2. HTTP overhead', run: appendScenario },
  store: { section: '1b. Store append (library, no HTTP)', run: storeScenario },
  projection: { section: '3. Projection rebuild', run: projectionScenario },
  relay: { section: '4. Relay', run: relayScenario },
  e2e: { section: '5. End-to-end latency', run: e2eScenario },
  audit: { section: '6. Audit', run: auditScenario },
  'pg-append': { section: '7. PostgreSQL event store', run: postgresAppendScenario },
  scale: { section: '8. Scale (read model)', run: scaleScenario },
  'stream-length': { section: '9. Stream length', run: streamLengthScenario },
  sse: { section: '10. Live updates (SSE)', run: sseScenario },
};

// Exit through process.exit on a signal so 'exit' handlers (temp files, broker lock) run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  const machine = machineInfo();
  const log = (m: string) =>
    process.stderr.write(`[bench +${((Date.now() - started.getTime()) / 1000).toFixed(1)}s] ${m}\n`);
  WorkerProcess.defaultExecArgv = options.workerExecArgv;
  const results = new Results();
  Object.assign(results.settings, options);
  let failures = 0;
  for (const name of options.only) {
    const { section, run } = SCENARIO_RUNNERS[name];
    try {
      await run(options, results, log);
    } catch (error) {
      // One broken part must not hide the others' figures: record why, keep going.
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`${name} failed: ${(error as Error).stack ?? why}`);
      results.missing(section, name, `the scenario failed: ${why}`);
      failures += 1;
    }
  }
  results.rss('bench driver (autocannon, consumers)', Math.round(process.resourceUsage().maxRSS / 1024));
  const report: BenchReport = {
    mode: options.quick ? 'quick' : 'full',
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
    settings: results.settings,
    figures: results.figures,
    notMeasured: results.notMeasured,
    peakRssMiB: results.peakRssMiB,
    charts: Object.fromEntries(Object.entries(results.charts).map(([name, c]) => [name, c.title])),
  };
  const chartSvgs = Object.fromEntries(Object.entries(results.charts).map(([name, c]) => [name, c.svg]));
  mkdirSync(options.outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const base = join(options.outDir, `bench-${report.mode}-${stamp}`);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2));
  writeFileSync(`${base}.svg`, latencyChartSvg(report.figures));
  writeFileSync(`${base}.md`, markdownReport(report, `${base.split('/').pop()}.svg`));
  for (const ext of ['json', 'svg', 'md'])
    writeFileSync(join(options.outDir, `latest.${ext}`), readFileSync(`${base}.${ext}`));
  for (const [name, svg] of Object.entries(chartSvgs)) {
    writeFileSync(`${base}-${name}.svg`, svg);
    writeFileSync(join(options.outDir, `latest-${name}.svg`), svg);
  }
  if (options.publish)
    publishToDocs(
      report,
      markdownReport(report, 'performance-latency.svg'),
      latencyChartSvg(report.figures),
      chartSvgs,
    );
  process.stdout.write(consoleTable(report.figures, report.notMeasured, report.peakRssMiB));
  process.stdout.write(`\nwrote ${base}.{json,md,svg} (and latest.* beside them)\n`);
  // Missed targets are findings, not failures; a scenario that could not run is a failure (CI smoke runs).
  return failures;
}

main().then(
  (failures) => process.exit(failures > 0 ? 2 : 0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
