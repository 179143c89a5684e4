import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Results } from './results';
import type { SeedOptions } from './seed-store';
import { WorkerProcess } from './worker-process';

/** One temp dir for the whole run's seeded logs; removed on exit. */
const root = mkdtempSync(join(tmpdir(), 'bench-fixtures-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

const seeded = new Map<string, Promise<{ file: string; events: number }>>();

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(root, `${prefix}-`));
}

/** A seeded, hash-chained event-store file of `events` events, made once per run and shared by scenarios. */
export function seededLog(
  name: string,
  seed: Omit<SeedOptions, 'file'>,
  results: Results,
  log: (m: string) => void,
) {
  let entry = seeded.get(name);
  if (!entry) {
    entry = (async () => {
      const file = join(root, `${name}.sqlite`);
      log(`seeding ${seed.events} events into ${name}`);
      const t0 = Date.now();
      const seeder = WorkerProcess.start('log.worker', {}, []);
      try {
        const { events } = await seeder.call<{ events: number }>('seed', { ...seed, file });
        results.rss('seeder (set-up only)', await seeder.stop());
        log(`seeded ${events} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return { file, events };
      } finally {
        seeder.kill();
      }
    })();
    seeded.set(name, entry);
  }
  return entry;
}

/** Runs one handler of the log worker in a fresh process, recording its peak RSS under `role`. */
export async function inFreshWorker<T>(
  role: string,
  kind: string,
  payload: unknown,
  results: Results,
): Promise<T> {
  const worker = WorkerProcess.start('log.worker');
  try {
    const value = await worker.call<T>(kind, payload);
    results.rss(role, await worker.stop());
    return value;
  } finally {
    worker.kill();
  }
}
