import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  checkReadModel,
  createReadModel,
  PROJECTS_SUBSCRIPTION,
  type ReadModelConfig,
} from '@ledger/read-model';
import { seedProjects } from '@ledger/contracts/testing/project-events.fixture';
import { startProjectorProcess } from '../../apps/projector/src/testing/projector-process';
import { reportFigures, scaled } from './support/fault-scale';

const EVENTS = scaled(5_000, 50_000);
const KILLS = scaled(5, 20);
/** The projector's batch size (ProjectionRunner's default). */
const BATCH = 200;

/**
 * The projector CLI (`npm run projector -- run`) with its own failpoint, PROJECTOR_FAILPOINT=exit-before-commit:N:
 * N-1 batches commit, then the process dies after writing the Nth batch's rows and before its COMMIT.
 */
describe('projector process killed between writing rows and COMMIT, repeatedly, during a catch-up', () => {
  let dataDir: string;
  let config: ReadModelConfig;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-projector-kills-'));
    config = { readModel: 'sqlite', dataDir, databaseUrl: 'postgres://unused' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    `${KILLS} kills over ${EVENTS} events: the read model equals a clean rebuild and reaches the head`,
    async () => {
      const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      await seedProjects(store, { projects: EVENTS / 10, eventsPerProject: 10 });
      const head = await store.headPosition();
      expect(head).toBe(EVENTS);
      const readModel = await createReadModel(config);

      const started = Date.now();
      const checkpoints: number[] = [];
      // Spread the kills over the catch-up: each run commits a few batches, then dies inside the next one.
      const batchesPerRun = Math.max(2, Math.floor(EVENTS / BATCH / (KILLS + 1)));
      for (let i = 0; i < KILLS; i++) {
        const dieInBatch = 2 + Math.floor(Math.random() * batchesPerRun);
        const run = startProjectorProcess(['run'], config, {
          PROJECTOR_FAILPOINT: `exit-before-commit:${dieInBatch}`,
        });
        expect(await run.exited).toBe(86);
        const [first, last] = /exiting before COMMIT of positions (\d+)-(\d+)/
          .exec(run.output())!
          .slice(1)
          .map(Number);
        const now = await readModel.checkpoint(PROJECTS_SUBSCRIPTION);
        // The batch being committed at the kill is lost entirely, and every batch before it is kept.
        expect(now).toBe(first - 1);
        expect(last).toBeGreaterThanOrEqual(first);
        expect(now).toBeGreaterThan(checkpoints.at(-1) ?? 0);
        checkpoints.push(now);
      }
      expect(checkpoints.at(-1)).toBeLessThan(head);

      const final = startProjectorProcess(['run'], config);
      expect(await readModel.waitForPosition(head, scaled(60_000, 300_000))).toBe(true);
      final.child.kill('SIGTERM');
      expect(await final.exited).toBe(0);
      expect(final.output()).toContain(`projector stopped at position ${head}`);
      await readModel.close();
      const restartSeconds = (Date.now() - started) / 1000;

      const checkStarted = Date.now();
      const check = await checkReadModel(config, store);
      expect(check).toEqual({ position: head, differences: [] });
      await store.close();
      reportFigures('projector-kills', {
        events: EVENTS,
        kills: KILLS,
        checkpointAtLastKill: checkpoints.at(-1)!,
        differencesFromRebuild: check.differences.length,
        restartSeconds: restartSeconds.toFixed(1),
        checkSeconds: ((Date.now() - checkStarted) / 1000).toFixed(1),
      });
    },
    scaled(180_000, 900_000),
  );
});
