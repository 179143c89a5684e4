/**
 * A projector process for the kill tests: tails the SQLite event store in DATA_DIR into the live SQLite read
 * model with the read model's own ProjectionRunner. With KILL_AFTER_BATCHES=n it SIGKILLs itself inside the
 * n-th batch, after the rows are written and before COMMIT (the read model's `beforeCommit` failpoint): the
 * most dangerous moment, when a non-atomic projector would leave rows without their checkpoint.
 * Without it, it stops cleanly once the read model reaches the head it saw at start.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { liveSqliteReadModelPath, openSqliteReadModel, ProjectionRunner } from '@ledger/read-model';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const killAfter = Number(process.env.KILL_AFTER_BATCHES ?? 0);
  const batchSize = Number(process.env.BATCH_SIZE ?? 200);
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), pollIntervalMs: 10 });
  const model = await openSqliteReadModel(liveSqliteReadModelPath(dataDir));
  let batches = 0;
  const runner = new ProjectionRunner(store, model, {
    batchSize,
    maxWaitMs: 5,
    retryDelayMs: 10,
    beforeCommit: (events) => {
      if (killAfter > 0 && ++batches >= killAfter) {
        // Synchronous, so the test learns which batch died with the process.
        writeSync(1, `killed-in-batch ${events[0].position} ${events.at(-1)!.position}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
    },
    onError: (error) => {
      process.stderr.write(`projector error: ${(error as Error).stack ?? error}\n`);
      process.exit(2);
    },
  });
  runner.start();
  const head = Number(process.env.UNTIL_POSITION ?? (await store.headPosition()));
  if (!(await model.waitForPosition(head, 300_000))) throw new Error(`did not reach ${head}`);
  await runner.stop();
  await model.close();
  await store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
