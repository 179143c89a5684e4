import { randomBytes } from 'node:crypto';
import { dropPostgresSchema, type ReadModelConfig } from '@ledger/read-model';
import { BENCH_KEYS } from '../lib/bench-keys';
import { scratchDir } from '../lib/fixtures';
import { runGetLoad } from '../lib/http-load';
import type { BenchOptions } from '../lib/options';
import { scaleProjectId } from '../lib/project-events';
import { pairedFigure, targets, type Results } from '../lib/results';
import { WorkerProcess } from '../lib/worker-process';
import { curveChartSvg } from '../report/curve-chart.svg';
import { BENCH_SERVER_ENV } from './append.scenario';

const SECTION = '8. Scale (read model)';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const auth = `Bearer ${BENCH_KEYS.reader}`;

interface Query {
  id: string;
  label: string;
  path: (n: number, size: number) => string;
  boundMs: number;
}

const QUERIES: Query[] = [
  {
    id: 'list',
    label: 'GET /projects?region=Africa&sort=-budget (filter + sort, 50 rows)',
    path: () => '/projects?region=Africa&sort=-budget&limit=50',
    boundMs: 50,
  },
  {
    id: 'single',
    label: 'GET /projects/{id} (random project)',
    path: (n, size) => `/projects/${scaleProjectId(1 + ((n * 7919) % size))}`,
    boundMs: 50,
  },
  {
    id: 'stats',
    label: 'GET /stats/budget?groupBy=region',
    path: () => '/stats/budget?groupBy=region',
    boundMs: 200,
  },
];

type Backend = 'sqlite' | 'postgres';
/** p99 ms per [backend][query][size index] per repetition. */
type Measured = Record<Backend, Record<string, number[][]>>;

async function measureBackend(
  backend: Backend,
  sizes: number[],
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
  measured: Measured,
): Promise<void> {
  const dataDir = scratchDir(`scale-${backend}`);
  const schema = `bench_scale_${randomBytes(4).toString('hex')}`;
  const config: ReadModelConfig = {
    readModel: backend,
    dataDir,
    databaseUrl: DATABASE_URL,
    ...(backend === 'postgres' ? { readModelSchema: schema } : {}),
  };
  const loader = WorkerProcess.start('read-model-loader.worker');
  const server = WorkerProcess.startApp('query.server', BENCH_SERVER_ENV);
  try {
    await loader.call('load', { config, projects: 1 });
    const { port } = await server.call<{ port: number }>('start', { ...config, readModelSchema: schema });
    for (const [i, size] of sizes.entries()) {
      const { ms } = await loader.call<{ ms: number }>('load', { config, projects: size });
      log(`scale: ${backend} read model at ${size} projects (loaded in ${(ms / 1000).toFixed(1)} s)`);
      for (const query of QUERIES) {
        for (let rep = 0; rep < options.reps; rep++) {
          const load = await runGetLoad({
            port,
            path: (n) => query.path(n, size),
            authorization: auth,
            connections: 1,
            durationMs: Math.max(1000, options.loadMs / 2),
          });
          if (load.failed > 0 || load.ok === 0)
            throw new Error(`${query.label} on ${backend}: ${load.failed} failed, ${load.ok} ok`);
          ((measured[backend][query.id] ??= [])[i] ??= []).push(load.latencyMs.p99);
        }
      }
    }
    results.rss('standalone (queries, scale)', await server.stop());
    results.rss('read-model loader (set-up only)', await loader.stop());
  } finally {
    server.kill();
    loader.kill();
    if (backend === 'postgres') await dropPostgresSchema(DATABASE_URL, schema).catch(() => undefined);
  }
}

/** Section 8: how query latency grows with the number of projects, on SQLite and PostgreSQL. */
export async function scaleScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const sizes = options.quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];
  const measured: Measured = { sqlite: {}, postgres: {} };
  for (const backend of ['sqlite', 'postgres'] as const)
    await measureBackend(backend, sizes, options, results, log, measured);
  const largest = sizes.length - 1;
  for (const backend of ['sqlite', 'postgres'] as const) {
    for (const query of QUERIES) {
      const perSize = measured[backend][query.id];
      sizes.forEach((size, i) => {
        const atTarget = i === largest;
        results.add(
          pairedFigure({
            id: `scale.${backend}.${query.id}.${size}`,
            section: SECTION,
            label: `${query.label}, ${backend}, ${size.toLocaleString('en-US')} projects`,
            unit: 'ms p99',
            runs: perSize[i],
            target: atTarget
              ? targets.atMost(
                  query.boundMs,
                  'ms p99',
                  `${backend} at ${size.toLocaleString('en-US')} projects; (region, budget_key desc, project_id) serves this filter and sort together; other filter + sort pairs still sort every match: next, an index per common pair`,
                )
              : undefined,
            notes: atTarget
              ? [
                  '1 connection, closed loop (latency, not throughput); autocannon reports whole milliseconds',
                  ...(options.quick ? ['quick mode: the target is checked at 10k projects, not 1M'] : []),
                ]
              : [],
          }),
        );
      });
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  results.charts['scale'] = {
    title: 'query p99 by read-model size',
    svg: curveChartSvg({
      title: 'Query p99 (ms) by number of projects in the read model',
      xLabel: 'projects (log scale)',
      yLabel: 'p99 latency (ms)',
      xs: sizes,
      series: (['sqlite', 'postgres'] as const).flatMap((backend) =>
        QUERIES.map((q) => ({
          name: `${backend} ${q.id}`,
          values: measured[backend][q.id].map(median),
        })),
      ),
      target: { value: 50, label: 'list / single target 50 ms' },
    }),
  };
}
