import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupCommitStats } from '@ledger/event-store';
import { BENCH_KEYS } from '../lib/bench-keys';
import { runLoad, type LoadResult } from '../lib/http-load';
import type { BenchOptions } from '../lib/options';
import { createProjectBody } from '../lib/project-events';
import { pairedFigure, targets, type Results } from '../lib/results';
import { WorkerProcess } from '../lib/worker-process';
import type { RawAppendResult, RawPattern } from '../workers/raw-append.worker';

const CONCURRENCY = [1, 64] as const;
const auth = `Bearer ${BENCH_KEYS.publisher}`;
const runId = Date.now().toString(36);
/**
 * Environment of the benchmark's servers. A load test measures capacity: the rate limiter stays in the stack
 * but with limits the load cannot reach. The AMQP command intake is off: these runs send commands over HTTP
 * and must not consume from a queue other people's tests use.
 */
export const BENCH_SERVER_ENV = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  AMQP_COMMANDS_ENABLED: 'false',
};

type HttpWorker = 'ledger.server' | 'noop.server' | 'bare-http.server' | 'bare-fastify.server';
const RSS_ROLE: Record<HttpWorker, string> = {
  'ledger.server': 'standalone (command API)',
  'noop.server': 'no-op Nest app',
  'bare-http.server': 'bare node:http no-op',
  'bare-fastify.server': 'bare Fastify no-op',
};

interface Rep {
  ledger: Record<number, LoadResult>;
  noop: Record<number, LoadResult>;
  bareHttp: Record<number, LoadResult>;
  bareFastify: Record<number, LoadResult>;
  /** Peak RSS of the standalone app over its 1- and 64-client runs (MiB). */
  ledgerRss: number;
  raw: Record<number, RawAppendResult>;
  rawBatched: RawAppendResult;
  /** Appends per commit during the 64-client run. */
  appendsPerCommit: number;
}

async function httpRuns(
  worker: HttpWorker,
  path: string,
  options: BenchOptions,
  results: Results,
  rep: number,
) {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${worker}-`));
  // The standalone app runs with the flags `npm start` gives it; the no-op baselines with node's defaults.
  const server =
    worker === 'ledger.server'
      ? WorkerProcess.startApp(worker, BENCH_SERVER_ENV)
      : WorkerProcess.start(worker, BENCH_SERVER_ENV);
  try {
    const { port } = await server.call<{ port: number }>('start', { dataDir });
    const body = (n: number) => createProjectBody(`B${runId}.${rep}.${worker[0]}.${n}`, n);
    await runLoad({ port, path, authorization: auth, connections: 64, durationMs: options.warmupMs, body });
    const loads: Record<number, LoadResult> = {};
    let appendsPerCommit = Number.NaN;
    for (const connections of CONCURRENCY) {
      const before = await server.call<GroupCommitStats | null>('stats').catch(() => null);
      loads[connections] = await runLoad({
        port,
        path,
        authorization: auth,
        connections,
        durationMs: options.loadMs,
        body,
      });
      const after = await server.call<GroupCommitStats | null>('stats').catch(() => null);
      if (connections === 64 && before && after)
        appendsPerCommit = (after.appends - before.appends) / (after.commits - before.commits);
    }
    const rss = await server.stop();
    results.rss(RSS_ROLE[worker], rss);
    return { loads, appendsPerCommit, rss };
  } finally {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function rawRun(
  pattern: RawPattern,
  clients: number,
  options: BenchOptions,
  results: Results,
): Promise<RawAppendResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const worker = WorkerProcess.start('raw-append.worker');
  try {
    const result = await worker.call<RawAppendResult>('rawAppend', {
      file: join(dir, 'raw.sqlite'),
      pattern,
      clients,
      durationMs: options.loadMs,
    });
    results.rss('raw better-sqlite3 writer', await worker.stop());
    return result;
  } finally {
    worker.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sections 1 and 2: durable appends over HTTP vs raw SQLite inserts, and vs a no-op endpoint. */
export async function appendScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const reps: Rep[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    log(`append: repetition ${rep + 1}/${options.reps}`);
    const ledger = await httpRuns('ledger.server', '/projects', options, results, rep);
    const noop = await httpRuns('noop.server', '/noop', options, results, rep);
    const bareHttp = await httpRuns('bare-http.server', '/noop', options, results, rep);
    const bareFastify = await httpRuns('bare-fastify.server', '/noop', options, results, rep);
    const raw = {
      1: await rawRun('serial', 1, options, results),
      64: await rawRun('writers', 64, options, results),
    };
    const rawBatched = await rawRun('batched', 64, options, results);
    for (const load of [ledger, noop, bareHttp, bareFastify].flatMap((r) => Object.values(r.loads))) {
      if (load.failed > 0)
        log(`append: ${load.failed} failed requests (${JSON.stringify(load.statusCodes)})`);
    }
    reps.push({
      ledger: ledger.loads,
      noop: noop.loads,
      bareHttp: bareHttp.loads,
      bareFastify: bareFastify.loads,
      ledgerRss: ledger.rss,
      raw,
      rawBatched,
      appendsPerCommit: ledger.appendsPerCommit,
    });
  }
  const section1 = '1. Durable append';
  for (const c of CONCURRENCY) {
    results.add(
      pairedFigure({
        id: `append.http.${c}`,
        section: section1,
        label: `POST /projects, ${c} client${c > 1 ? 's' : ''}`,
        unit: 'commands/s',
        runs: reps.map((r) => r.ledger[c].perSecond),
        latencies: reps.map((r) => r.ledger[c].latencyMs),
        baseline: {
          label:
            c === 1 ? 'raw insert, 1 writer, 1 txn per insert' : 'raw insert, 64 writers, 1 txn (fsync) each',
          runs: reps.map((r) => r.raw[c].perSecond),
          latencies: reps.map((r) => r.raw[c].latencyMs),
        },
        target: c === 64 ? targets.ratioAtLeast(0.5, LEVERS.bareHttp) : undefined,
        notes: ['autocannon reports whole milliseconds (p50 0 = under 1 ms) and no p95'],
      }),
    );
  }
  results.add(
    pairedFigure({
      id: 'append.http.64.vs-batched',
      section: section1,
      label: 'POST /projects, 64 clients (vs raw batched ceiling)',
      unit: 'commands/s',
      runs: reps.map((r) => r.ledger[64].perSecond),
      baseline: {
        label: 'raw insert, 64 rows per txn (group-commit ceiling)',
        runs: reps.map((r) => r.rawBatched.perSecond),
        latencies: reps.map((r) => r.rawBatched.latencyMs),
      },
      notes: ['Not a target: how close group commit gets to the best a single SQLite writer can do.'],
    }),
  );
  results.add(
    pairedFigure({
      id: 'append.group-commit',
      section: section1,
      label: 'appends per commit at 64 clients (store stats())',
      unit: 'appends/commit',
      runs: reps.map((r) => r.appendsPerCommit),
    }),
  );
  const noopRuns = (c: number) => reps.map((r) => r.noop[c].perSecond);
  // A no-op that gets slower with more connections is starved by something in the shared stack, not by
  // the handler: its ratio then says nothing about the command path.
  const starved = noopRuns(64).every((v, i) => v < noopRuns(1)[i]);
  for (const c of CONCURRENCY) {
    results.add(
      pairedFigure({
        notes:
          c === 64 && starved
            ? [
                'the no-op baseline was slower at 64 connections than at 1 in every repetition: not a valid baseline (see docs/performance.md, rate limiter)',
              ]
            : [],
        id: `http.overhead.${c}`,
        section: '2. HTTP overhead',
        label: `POST /projects vs no-op, ${c} client${c > 1 ? 's' : ''}`,
        unit: 'requests/s',
        runs: reps.map((r) => r.ledger[c].perSecond),
        latencies: reps.map((r) => r.ledger[c].latencyMs),
        baseline: {
          label: 'no-op POST, same Nest/Fastify stack',
          runs: reps.map((r) => r.noop[c].perSecond),
          latencies: reps.map((r) => r.noop[c].latencyMs),
        },
        target:
          c === 64
            ? targets.ratioAtLeast(0.85, LEVERS.nestNoop)
            : targets.ratioAtLeast(
                0.7,
                'at 1 client a command waits for its own fsync (plus two thread hops to the writer) where the no-op waits for nothing; next: nothing on the command path, this ratio follows the disk',
              ),
      }),
    );
  }
  httpCeilingFigures(reps, results);
}

/** What bounds the command path at 64 clients and what would move it (from the profiles in docs/performance.md). */
const LEVERS = {
  bareHttp:
    'each command costs several times the CPU of a bare request on one core: the Nest/Fastify stack with guards and logging (the Nest no-op alone is about 0.25 of bare node:http), validation, the event hash, the append hand-off and GC, none above 6 % of a profile; next: one JSON form of each event shared by the hash chain and the store',
  nestNoop:
    'the command itself on top of the same stack: GC 9 %, validation 5 %, the event hash 3 %, the audit checkpointer parsing every event 2.4 %, the writer hand-off 2 %, the JSON round trip for the hash 1.8 % (docs/performance.md, command path); next: one JSON form per event, and a checkpointer that reads only stream, revision and hash',
  rss: 'V8 grows the heap to several times what is live between full GCs; the app starts with --max-old-space-size=1536 (apps/standalone/src/node-flags.ts), which lowers that factor; next: measure its GC cost on a quiet machine (1024 saves another ~20 MiB)',
};

/** The HTTP ceilings of this machine, each from the same repetition as the command runs. */
function httpCeilingFigures(reps: Rep[], results: Results): void {
  const section = '2. HTTP overhead';
  results.add(
    pairedFigure({
      id: 'http.vs-bare.64',
      section,
      label: 'POST /projects vs bare node:http no-op, 64 clients',
      unit: 'requests/s',
      runs: reps.map((r) => r.ledger[64].perSecond),
      latencies: reps.map((r) => r.ledger[64].latencyMs),
      baseline: {
        label: 'bare node:http no-op (parse JSON body, reply 201)',
        runs: reps.map((r) => r.bareHttp[64].perSecond),
        latencies: reps.map((r) => r.bareHttp[64].latencyMs),
      },
      target: targets.ratioAtLeast(0.5, LEVERS.bareHttp),
    }),
  );
  results.add(
    pairedFigure({
      id: 'http.fastify-vs-bare.64',
      section,
      label: 'bare Fastify no-op vs bare node:http no-op, 64 clients',
      unit: 'requests/s',
      runs: reps.map((r) => r.bareFastify[64].perSecond),
      latencies: reps.map((r) => r.bareFastify[64].latencyMs),
      baseline: {
        label: 'bare node:http no-op',
        runs: reps.map((r) => r.bareHttp[64].perSecond),
        latencies: reps.map((r) => r.bareHttp[64].latencyMs),
      },
      notes: ['Not a target: what Fastify itself costs over node:http here.'],
    }),
  );
  results.add(
    pairedFigure({
      id: 'http.nest-fastify-vs-bare.64',
      section,
      label: 'NestJS/Fastify no-op (same guards) vs bare node:http no-op, 64 clients',
      unit: 'requests/s',
      runs: reps.map((r) => r.noop[64].perSecond),
      baseline: { label: 'bare node:http no-op', runs: reps.map((r) => r.bareHttp[64].perSecond) },
      notes: ['Not a target: what the Nest stack with auth, rate limits, logging and problem filter costs.'],
    }),
  );
  results.add(
    pairedFigure({
      id: 'rss.standalone.64',
      section: '7. Memory',
      label: 'peak RSS of the standalone app under the 1- and 64-client loads',
      unit: 'MiB',
      runs: reps.map((r) => r.ledgerRss),
      target: targets.atMost(250, 'MiB', LEVERS.rss),
      notes: ['process-wide maxRSS (includes the store writer thread)'],
    }),
  );
}
