import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS } from '../lib/bench-keys';
import { benchTopology, withBrokerLock } from '../lib/broker';
import { openLoop } from '../lib/open-loop';
import type { BenchOptions } from '../lib/options';
import { createProjectBody } from '../lib/project-events';
import { pairedFigure, targets, type Results } from '../lib/results';
import { summarise, type LatencySummary } from '../lib/stats';
import { wallNow } from '../lib/wall-clock';
import { WorkerProcess } from '../lib/worker-process';
import { BENCH_SERVER_ENV } from './append.scenario';

/** One command in this many is read back through the query API (light enough not to change the load). */
const PROBE_EVERY = 20;

interface Rep {
  accepted: LatencySummary;
  readModel: LatencySummary;
  consumer: LatencySummary;
  /** Sampled read-your-writes through the query API (null when the app has no projector of its own). */
  query: LatencySummary | null;
  achievedRate: number;
  failed: number;
  wiring: string;
}

/** First wall time at which the checkpoint reached `position` (visibility is sorted by position). */
function visibleAt(visibility: [number, number][], position: number): number {
  let lo = 0;
  let hi = visibility.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visibility[mid][0] >= position) hi = mid;
    else lo = mid + 1;
  }
  return lo < visibility.length ? visibility[lo][1] : Number.NaN;
}

async function oneRep(options: BenchOptions, results: Results, rate: number, rep: number): Promise<Rep> {
  const topology = await benchTopology(options.amqpUrl, 'e2e');
  const received = new Map<number, number>();
  await topology.channel.consume(
    topology.queue,
    (msg) => msg && received.set(Number(msg.properties.headers?.position), wallNow()),
    { noAck: true },
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
  const server = WorkerProcess.startApp('ledger.server', BENCH_SERVER_ENV);
  try {
    const { port, wiring } = await server.call<{ port: number; wiring: string }>('start', {
      dataDir,
      pipeline: { amqpUrl: options.amqpUrl, exchange: topology.exchange },
    });
    const tag = `E2E${Date.now().toString(36)}.${rate}.${rep}`;
    const sent = await openLoop({
      port,
      path: '/projects',
      authorization: `Bearer ${BENCH_KEYS.publisher}`,
      rate,
      durationMs: options.e2eMs,
      body: (n) => createProjectBody(`${tag}.${n}`, n),
      // The query API reads the app's own read model; with a runner beside the app it would never advance.
      probe: wiring.includes("app's own projector")
        ? {
            every: PROBE_EVERY,
            authorization: `Bearer ${BENCH_KEYS.reader}`,
            path: (id, position) => `/projects/${encodeURIComponent(id)}?minPosition=${position}`,
          }
        : undefined,
    });
    const accepted = sent.filter((s) => s.position > 0);
    const probed = accepted.filter((s) => s.probeStatus === 200);
    const last = Math.max(...accepted.map((s) => s.position));
    const visibility: [number, number][] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      visibility.push(...(await server.call<[number, number][]>('visibility')));
      const projected = visibility.length > 0 && visibility[visibility.length - 1][0] >= last;
      if (projected && accepted.every((s) => received.has(s.position))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    results.rss('standalone (command API + projector + relay)', await server.stop());
    const span = (Math.max(...sent.map((s) => s.respondedAt)) - sent[0].sentAt) / 1000;
    return {
      accepted: summarise(accepted.map((s) => s.respondedAt - s.sentAt)),
      // Never seen within the deadline counts as the deadline, so a stall shows up in the tail.
      readModel: summarise(accepted.map((s) => (visibleAt(visibility, s.position) || deadline) - s.sentAt)),
      consumer: summarise(accepted.map((s) => (received.get(s.position) ?? deadline) - s.sentAt)),
      query: probed.length > 0 ? summarise(probed.map((s) => s.probedAt! - s.sentAt)) : null,
      achievedRate: accepted.length / span,
      failed: sent.length - accepted.length,
      wiring,
    };
  } finally {
    server.kill();
    await topology.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Section 5: end-to-end latency at fixed offered loads, command sent → read model / → consumer. */
export async function e2eScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  await withBrokerLock(options.quick ? 20_000 : 120_000, log, async (locked) => {
    for (const rate of options.e2eRates) {
      const reps: Rep[] = [];
      const notes = locked ? [] : ['measured without the broker lock (a test held it)'];
      for (let rep = 0; rep < options.reps; rep++) {
        log(`e2e: ${rate} commands/s for ${options.e2eMs / 1000} s, repetition ${rep + 1}/${options.reps}`);
        const r = await oneRep(options, results, rate, rep);
        if (r.failed > 0) notes.push(`repetition ${rep + 1}: ${r.failed} commands not accepted`);
        reps.push(r);
      }
      addFigures(results, rate, reps, notes);
    }
  });
}

function addFigures(results: Results, rate: number, reps: Rep[], notes: string[]): void {
  const section = '5. End-to-end latency';
  const reference = {
    label: 'command accepted (HTTP 201), same requests',
    runs: reps.map((r) => r.accepted.p99),
    latencies: reps.map((r) => r.accepted),
  };
  notes.push(
    `offered ${rate}/s open-loop; achieved ${reps.map((r) => r.achievedRate.toFixed(0)).join(', ')}/s`,
    'latencies run from the moment the request was sent (they include the command itself)',
    `projector and relay in the standalone process beside the command API, as \`npm start\` runs them: ${reps[0]?.wiring}`,
  );
  results.add(
    pairedFigure({
      id: `e2e.read-model.${rate}`,
      section,
      label: `sent → read model visible at ${rate}/s`,
      unit: 'ms p99',
      runs: reps.map((r) => r.readModel.p99),
      latencies: reps.map((r) => r.readModel),
      baseline: reference,
      noRatio: true,
      target:
        rate === 500
          ? targets.atMost(
              50,
              'ms',
              'the read model follows the accept latency of each command (compare the raw column): its tail is the command path at 500/s on one event loop shared with projector and relay, and fsync stalls of the disk; next: the projector in its own process or thread',
            )
          : undefined,
      notes,
    }),
  );
  const queried = reps.filter((r) => r.query !== null);
  if (queried.length > 0) {
    results.add(
      pairedFigure({
        id: `e2e.query-api.${rate}`,
        section,
        label: `sent → GET /projects/:id?minPosition answered at ${rate}/s (1 in ${PROBE_EVERY})`,
        unit: 'ms p99',
        runs: queried.map((r) => r.query!.p99),
        latencies: queried.map((r) => r.query!),
        baseline: {
          ...reference,
          runs: queried.map((r) => r.accepted.p99),
          latencies: queried.map((r) => r.accepted),
        },
        noRatio: true,
        notes: [
          'read-your-writes through the public query API: the GET is sent when the command is accepted',
        ],
      }),
    );
  }
  results.add(
    pairedFigure({
      id: `e2e.consumer.${rate}`,
      section,
      label: `sent → RabbitMQ consumer received at ${rate}/s`,
      unit: 'ms p99',
      runs: reps.map((r) => r.consumer.p99),
      latencies: reps.map((r) => r.consumer),
      baseline: reference,
      noRatio: true,
    }),
  );
}
