import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectStreamId } from '@ledger/domain';
import { BENCH_KEYS } from '../lib/bench-keys';
import { inFreshWorker, scratchDir, seededLog } from '../lib/fixtures';
import { runLoad } from '../lib/http-load';
import type { BenchOptions } from '../lib/options';
import { pairedFigure, targets, type Results } from '../lib/results';
import type { LatencySummary } from '../lib/stats';
import { WorkerProcess } from '../lib/worker-process';
import { curveChartSvg } from '../report/curve-chart.svg';
import { BENCH_SERVER_ENV } from './append.scenario';

const SECTION = '9. Stream length';
const LENGTHS = [1, 100, 10_000];
const BASE_TIME = Date.parse('2024-01-01T00:00:00Z');

interface PerLength {
  commandRate: number[];
  commandLatency: LatencySummary[];
  asOfMs: number[];
}

/** Commands (budget revisions, one client) against the standalone app on a store holding one open project. */
async function commandRuns(file: string, projectId: string, options: BenchOptions, results: Results) {
  const dataDir = scratchDir('stream-length');
  copyFileSync(file, join(dataDir, 'events.sqlite'));
  const server = WorkerProcess.startApp('ledger.server', BENCH_SERVER_ENV);
  try {
    const { port } = await server.call<{ port: number }>('start', { dataDir });
    const run = (durationMs: number) =>
      runLoad({
        port,
        path: `/projects/${projectId}/budget-revisions`,
        authorization: `Bearer ${BENCH_KEYS.publisher}`,
        connections: 1,
        durationMs,
        body: (n) => ({ amount: `${300_000 + (n % 1000)}.00`, currency: 'USD', reason: 'cost-variance' }),
      });
    // Warm-up: the first command on a long stream also opens files and fills caches.
    await run(options.warmupMs);
    const load = await run(Math.max(2000, options.loadMs / 2));
    if (load.ok === 0) throw new Error(`no command accepted (${JSON.stringify(load.statusCodes)})`);
    results.rss('standalone (command API)', await server.stop());
    return load;
  } finally {
    server.kill();
  }
}

/** Section 9: what a command and an as-of cost on a project with 1, 100 and 10,000 events. */
export async function streamLengthScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const measured = new Map<number, PerLength>();
  for (const length of LENGTHS) {
    const prefix = `LEN${length}`;
    const seeded = await seededLog(
      `open-${length}`,
      { events: length, perProject: length, idPrefix: prefix, open: true },
      results,
      log,
    );
    const projectId = `${prefix}.0`;
    const recordedAt = new Date(BASE_TIME + Math.max(1, Math.floor(length * 0.75)) * 1000).toISOString();
    const m: PerLength = { commandRate: [], commandLatency: [], asOfMs: [] };
    for (let rep = 0; rep < options.reps; rep++) {
      log(`stream-length: ${length} events, repetition ${rep + 1}/${options.reps}`);
      const load = await commandRuns(seeded.file, projectId, options, results);
      m.commandRate.push(load.perSecond);
      m.commandLatency.push(load.latencyMs);
      const asOf = await inFreshWorker<{ ours: LatencySummary }>(
        'audit (as-of)',
        'asOf',
        { file: seeded.file, streamId: projectStreamId(projectId), recordedAt, times: 15 },
        results,
      );
      m.asOfMs.push(asOf.ours.p50);
    }
    measured.set(length, m);
  }
  const fresh = measured.get(1)!;
  for (const length of LENGTHS) {
    const m = measured.get(length)!;
    results.add(
      pairedFigure({
        id: `stream-length.command.${length}`,
        section: SECTION,
        label: `command (budget revision, 1 client) on a project with ${length.toLocaleString('en-US')} events`,
        unit: 'commands/s',
        runs: m.commandRate,
        latencies: m.commandLatency,
        baseline:
          length === 1
            ? undefined
            : { label: 'the same command on a project with 1 event', runs: fresh.commandRate },
        target:
          length === 10_000
            ? targets.ratioAtLeast(
                0.8,
                'the command path caches project state by revision and reads only newer events, so stream length should not matter: a miss follows the 1-event baseline swinging between repetitions (compare the raw runs); next: more repetitions before reading a ratio',
              )
            : undefined,
      }),
    );
    results.add(
      pairedFigure({
        id: `stream-length.as-of.${length}`,
        section: SECTION,
        label: `as-of state of a project with ${length.toLocaleString('en-US')} events (library path)`,
        unit: 'ms (p50 of 15 calls)',
        runs: m.asOfMs,
      }),
    );
  }
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  results.charts['stream-length'] = {
    title: 'command rate and as-of time by stream length',
    svg: curveChartSvg({
      title: 'Command rate (per s) and as-of time (ms) by events in the project',
      xLabel: 'events in the project (log scale)',
      yLabel: 'commands/s  ·  ms',
      xs: LENGTHS,
      series: [
        { name: 'commands/s (1 client)', values: LENGTHS.map((l) => medianOf(measured.get(l)!.commandRate)) },
        { name: 'as-of p50 (ms)', values: LENGTHS.map((l) => medianOf(measured.get(l)!.asOfMs)) },
      ],
    }),
  };
}
