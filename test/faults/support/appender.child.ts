/**
 * One of several writer processes sharing the SQLite event store in DATA_DIR. It appends the lives of
 * PROJECTS projects of EVENTS_PER_PROJECT events, one event per append and every project in each round, so
 * its commits interleave with the other processes'. It writes DATA_DIR/ready-<WRITER>, then waits for
 * DATA_DIR/go so all writers start together.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectStreamId, REGIONS } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { projectLife, toAppend } from '@ledger/contracts/testing/project-events.fixture';

const GROUP = 5;

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const writer = process.env.WRITER!;
  const projects = Number(process.env.PROJECTS);
  const perProject = Number(process.env.EVENTS_PER_PROJECT);
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), busyTimeoutMs: 30_000 });
  const lives = Array.from({ length: projects }, (_, i) => {
    const id = `${writer}.${String(i).padStart(4, '0')}`;
    return {
      stream: projectStreamId(id),
      events: toAppend(projectLife(id, REGIONS[i % REGIONS.length], perProject), i),
    };
  });
  writeFileSync(join(dataDir, `ready-${writer}`), '');
  while (!existsSync(join(dataDir, 'go'))) await new Promise((resolve) => setTimeout(resolve, 5));
  // Small groups per commit, so the writers' transactions interleave finely instead of one big commit each.
  for (let round = 0; round < perProject; round++) {
    for (let from = 0; from < lives.length; from += GROUP) {
      await Promise.all(
        lives
          .slice(from, from + GROUP)
          .map(({ stream, events }) =>
            store.append(stream, [events[round]], round === 0 ? 'no-stream' : round - 1),
          ),
      );
      // A pause like real traffic has: back-to-back commits let one process keep the write lock.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  await store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
