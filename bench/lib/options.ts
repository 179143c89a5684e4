import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  reps: number;
  /** Scenarios to run (default all): append, projection, relay, e2e, audit, pg-append. */
  only: string[];
  outDir: string;
  /** Also write the report into docs/performance.md (below its hand-written part) and its chart beside it. */
  publish: boolean;
  /** Node flags for every benchmark process (e.g. --cpu-prof writes a profile per process into outDir/profiles). */
  workerExecArgv: string[];
  amqpUrl: string;
  loadMs: number;
  warmupMs: number;
  projectionEvents: number;
  relayEvents: number;
  /** Offered loads for end-to-end latency; the brief's target is at 500/s, lower ones show the unloaded path. */
  e2eRates: number[];
  /** Repetitions of the 1M-event passes (a rebuild of 1M events takes minutes here). */
  logReps: number;
  e2eMs: number;
  asOfEvents: number;
}

export const SCENARIOS = [
  'append',
  'store',
  'projection',
  'relay',
  'e2e',
  'audit',
  'scale',
  'stream-length',
  'sse',
  'pg-append',
] as const;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      reps: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench/results' },
      'cpu-prof': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const only = values.only ? values.only.split(',') : [...SCENARIOS];
  const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  return {
    quick,
    reps: values.reps ? Number(values.reps) : quick ? 1 : 3,
    only,
    outDir: values.out!,
    publish: values.publish ?? false,
    workerExecArgv: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values.out}/profiles`] : [],
    amqpUrl: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    loadMs: quick ? 2_000 : 8_000,
    warmupMs: quick ? 500 : 2_000,
    projectionEvents: quick ? 50_000 : 1_000_000,
    relayEvents: quick ? 10_000 : 100_000,
    e2eRates: quick ? [500] : [100, 500],
    logReps: values.reps ? Number(values.reps) : 1,
    e2eMs: quick ? 3_000 : 15_000,
    asOfEvents: 10_000,
  };
}
