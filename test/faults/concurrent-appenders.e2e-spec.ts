import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  checkReadModel,
  liveSqliteReadModelPath,
  openSqliteReadModel,
  ProjectionRunner,
} from '@ledger/read-model';
import { runTsChild } from './support/child-process';
import { reportFigures, scaled } from './support/fault-scale';

const WRITERS = 4;
const EVENTS_PER_PROJECT = 10;
const TOTAL = scaled(4_000, 10_000);
const PROJECTS_PER_WRITER = TOTAL / WRITERS / EVENTS_PER_PROJECT;

describe('several processes append to one SQLite store while the projector tails it', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-appenders-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `${WRITERS} writer processes, ${TOTAL} events: the projector sees every position once, in order, none skipped`,
    async () => {
      const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), pollIntervalMs: 10 });
      const model = await openSqliteReadModel(liveSqliteReadModelPath(dataDir));
      const seen: number[] = [];
      let batches = 0;
      const errors: string[] = [];
      const runner = new ProjectionRunner(store, model, {
        batchSize: 100,
        maxWaitMs: 5,
        beforeCommit: (events) => {
          batches++;
          seen.push(...events.map((event) => event.position));
        },
        onError: (error) => errors.push(String(error)),
      });
      runner.start();
      const started = Date.now();
      const writers = Array.from(
        { length: WRITERS },
        (_, i) =>
          runTsChild('test/faults/support/appender.child.ts', {
            DATA_DIR: dataDir,
            WRITER: `W${i}`,
            PROJECTS: String(PROJECTS_PER_WRITER),
            EVENTS_PER_PROJECT: String(EVENTS_PER_PROJECT),
          }).exit,
      );
      // Release the writers together once all have loaded; the projector is already tailing an empty log.
      const ready = () =>
        Array.from({ length: WRITERS }, (_, i) => existsSync(join(dataDir, `ready-W${i}`))).every(Boolean);
      while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
      writeFileSync(join(dataDir, 'go'), '');
      const exits = await Promise.all(writers);
      expect(exits.map((e) => ({ code: e.code, stderr: e.stderr }))).toEqual(
        Array(WRITERS).fill({ code: 0, stderr: '' }),
      );
      const appendSeconds = (Date.now() - started) / 1000;

      expect(await store.headPosition()).toBe(TOTAL);
      expect(await model.waitForPosition(TOTAL, 60_000)).toBe(true);
      await runner.stop();
      expect(errors).toEqual([]);
      // Batches that were retried would show up twice here; the tail must be exactly 1..TOTAL.
      expect(seen.length).toBe(TOTAL);
      const skipped = seen.filter((position, i) => position !== i + 1).length;
      expect(skipped).toBe(0);

      // The writers really interleaved: consecutive positions switch writer many times.
      const all = await store.readAll({ limit: TOTAL + 1 });
      const writerOf = all.map((event) => event.streamId.split('-')[1].split('.')[0]);
      const switches = writerOf.filter((w, i) => i > 0 && w !== writerOf[i - 1]).length;
      expect(switches).toBeGreaterThan(TOTAL / 100);

      await model.close();
      const check = await checkReadModel(
        { readModel: 'sqlite', dataDir, databaseUrl: 'postgres://unused' },
        store,
      );
      expect(check).toEqual({ position: TOTAL, differences: [] });
      await store.close();
      reportFigures('concurrent-appenders', {
        writers: WRITERS,
        events: TOTAL,
        projectorBatches: batches,
        positionsSkipped: skipped,
        writerSwitches: switches,
        appendSeconds: appendSeconds.toFixed(1),
      });
    },
    scaled(120_000, 300_000),
  );
});
