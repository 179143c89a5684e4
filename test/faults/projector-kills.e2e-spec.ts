import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { checkReadModel, liveSqliteReadModelPath, openSqliteReadModel, PROJECTS_SUBSCRIPTION } from '@ledger/read-model';
import { seedProjects } from '@ledger/contracts/testing/project-events.fixture';
import { runTsChild } from './support/child-process';
import { reportFigures, scaled } from './support/fault-scale';

const EVENTS = scaled(5_000, 50_000);
const KILLS = scaled(5, 20);
const BATCH = 200;
const CHILD = 'test/faults/support/projector.child.ts';

describe('projector SIGKILLed between writing rows and COMMIT, repeatedly, during a catch-up', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-projector-kills-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`${KILLS} kills over ${EVENTS} events: the read model equals a clean rebuild and reaches the head`, async () => {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    await seedProjects(store, { projects: EVENTS / 10, eventsPerProject: 10 });
    const head = await store.headPosition();
    expect(head).toBe(EVENTS);

    const checkpoint = async () => {
      const model = await openSqliteReadModel(liveSqliteReadModelPath(dataDir));
      try {
        return await model.checkpoint(PROJECTS_SUBSCRIPTION);
      } finally {
        await model.close();
      }
    };
    const started = Date.now();
    const checkpoints: number[] = [];
    let kills = 0;
    // Spread the kills over the catch-up: each run commits a few batches, then dies inside the next one.
    const batchesPerRun = Math.max(2, Math.floor(EVENTS / BATCH / (KILLS + 1)));
    for (let i = 0; i < KILLS; i++) {
      const killAfter = 1 + Math.floor(Math.random() * batchesPerRun) + 1;
      const exit = await runTsChild(CHILD, { DATA_DIR: dataDir, KILL_AFTER_BATCHES: String(killAfter), BATCH_SIZE: String(BATCH) }).exit;
      expect({ signal: exit.signal, stderr: exit.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
      kills++;
      const [first, last] = /killed-in-batch (\d+) (\d+)/.exec(exit.stdout)!.slice(1).map(Number);
      const now = await checkpoint();
      // The batch being committed at the kill is lost entirely, and every batch before it is kept.
      expect(now).toBe(first - 1);
      expect(now).toBeGreaterThan(checkpoints.at(-1) ?? 0);
      expect(last).toBeGreaterThanOrEqual(first);
      checkpoints.push(now);
    }
    expect(checkpoints.at(-1)).toBeLessThan(head);
    const final = await runTsChild(CHILD, { DATA_DIR: dataDir, BATCH_SIZE: String(BATCH) }).exit;
    expect({ code: final.code, signal: final.signal, stderr: final.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const elapsed = Date.now() - started;
    const checkStarted = Date.now();

    expect(await checkpoint()).toBe(head);
    const check = await checkReadModel({ readModel: 'sqlite', dataDir, databaseUrl: 'postgres://unused' }, store);
    expect(check.position).toBe(head);
    expect(check.differences).toEqual([]);
    await store.close();
    reportFigures('projector-kills', {
      events: EVENTS,
      kills,
      checkpointAtLastKill: checkpoints.at(-1)!,
      differencesFromRebuild: check.differences.length,
      restartSeconds: (elapsed / 1000).toFixed(1),
      checkSeconds: ((Date.now() - checkStarted) / 1000).toFixed(1),
    });
  }, scaled(120_000, 600_000));
});
