import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS } from '../lib/bench-keys';
import { openLoop } from '../lib/open-loop';
import type { BenchOptions } from '../lib/options';
import { createProjectBody } from '../lib/project-events';
import { pairedFigure, targets, type Results } from '../lib/results';
import { SseClients } from '../lib/sse-clients';
import { summarise, type LatencySummary } from '../lib/stats';
import { WorkerProcess } from '../lib/worker-process';
import { BENCH_SERVER_ENV } from './append.scenario';

const SUBSCRIBERS = 1000;
const RATE = 20;
const runId = Date.now().toString(36);

/**
 * Section 10: 1,000 readers of `GET /projects/updates` on the standalone app (projector in the process), while
 * commands arrive at 20/s. Latency runs from the read model's commit of a position (the moment a change
 * exists to be sent) to each reader's receipt of it; every reader must receive every change.
 */
export async function sseScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const delivery: LatencySummary[] = [];
  const p99s: number[] = [];
  const notes: string[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    log(`sse: repetition ${rep + 1}/${options.reps}, ${SUBSCRIBERS} subscribers`);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-sse-'));
    const server = WorkerProcess.startApp('ledger.server', BENCH_SERVER_ENV);
    const clients = new SseClients();
    try {
      const { port } = await server.call<{ port: number }>('start', { dataDir, projectorOnly: true });
      await clients.open(port, '/projects/updates', `Bearer ${BENCH_KEYS.reader}`, SUBSCRIBERS);
      await server.call('visibility');
      const sent = await openLoop({
        port,
        path: '/projects',
        authorization: `Bearer ${BENCH_KEYS.publisher}`,
        rate: RATE,
        durationMs: options.e2eMs,
        body: (n) => createProjectBody(`SSE${runId}.${rep}.${n}`, n),
      });
      const accepted = sent.filter((s) => s.position > 0);
      // Let the last changes reach every reader.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const visible = new Map(await server.call<[number, number][]>('visibility'));
      const samples: number[] = [];
      let missing = 0;
      for (const { position } of accepted) {
        // A read-model commit covers a batch: its time is the time of the batch's last position.
        const committedAt = [...visible].find(([p]) => p >= position)?.[1];
        const receipts = clients.received.get(position) ?? [];
        missing += SUBSCRIBERS - receipts.length;
        if (committedAt !== undefined) for (const at of receipts) samples.push(at - committedAt);
      }
      if (accepted.length === 0) throw new Error('no command was accepted');
      const summary = summarise(samples);
      delivery.push(summary);
      p99s.push(summary.p99);
      notes.push(
        `repetition ${rep + 1}: ${accepted.length} changes × ${SUBSCRIBERS} readers, ${missing} deliveries missing`,
      );
      clients.close();
      results.rss('standalone (command API + projector, 1,000 SSE readers)', await server.stop());
    } finally {
      clients.close();
      server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  results.add(
    pairedFigure({
      id: 'sse.delivery.1000',
      section: '10. Live updates (SSE)',
      label: `read-model commit → received by each of ${SUBSCRIBERS.toLocaleString('en-US')} SSE readers, ${RATE} commands/s`,
      unit: 'ms p99',
      runs: p99s,
      latencies: delivery,
      target: targets.atMost(
        100,
        'ms p99',
        'every reader runs its own changes query after each commit (1,000 queries per commit on the event loop); next: one shared read per commit fanned out to all readers',
      ),
      notes,
    }),
  );
}
