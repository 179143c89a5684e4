import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@ledger/event-store';
import type { ReadModelConfig } from '../store/create-read-model';
import { liveSqliteReadModelPath, openSqliteReadModel } from '../store/sqlite.read-model';
import { appendProjectEvents, budgetRevised, projectCreated } from '../testing/project-events.fixture';
import { checkReadModel, rebuildReadModel } from './rebuild';
import { openScratchReadModel } from './scratch.read-model';

const indexesOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("select name, sql from sqlite_master where type = 'index' order by name").all();
  } finally {
    db.close();
  }
};

describe('SQLite rebuild with deferred indexes', () => {
  let dir = '';
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rm-deferred-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fills a rebuild copy without secondary indexes and finishes it with exactly those of a migrated read model', async () => {
    const reference = join(dir, 'reference.sqlite');
    await (await openSqliteReadModel(reference)).close();
    const secondary = (file: string) =>
      indexesOf(file).filter((index) => (index as { sql: string | null }).sql !== null);
    const config: ReadModelConfig = { readModel: 'sqlite', dataDir: join(dir, 'data'), databaseUrl: '' };
    const scratch = await openScratchReadModel(config, 'rebuild');
    try {
      expect(secondary(scratch.location)).toEqual([]);
      await scratch.finish();
      expect(indexesOf(scratch.location)).toEqual(indexesOf(reference));
      expect(secondary(reference).length).toBeGreaterThanOrEqual(9);
    } finally {
      await scratch.discard();
    }
  });

  it('rebuilds into the live file through such a copy: the rows and queries a projection gives', async () => {
    await appendProjectEvents(store, 'TC.0789', [
      projectCreated(),
      budgetRevised('TC.0789', '200000.00', '250000.00', '50000.00'),
    ]);
    await appendProjectEvents(store, 'A.1', [
      projectCreated({ projectId: 'A.1', region: 'Africa', benefitingMemberStates: ['GH'] }),
    ]);
    const config: ReadModelConfig = { readModel: 'sqlite', dataDir: join(dir, 'data'), databaseUrl: '' };

    expect(await rebuildReadModel(config, store)).toEqual({ checkpoint: 3, events: 3 });

    expect((await checkReadModel(config, store)).differences).toEqual([]);
    const model = await openSqliteReadModel(liveSqliteReadModelPath(config.dataDir));
    try {
      const inGhana = await model.listProjects({
        filter: { memberState: 'GH' },
        sort: { field: 'budget', descending: true },
        limit: 10,
      });
      expect(inGhana.data.items.map((p) => p.projectId)).toEqual(['A.1']);
      expect((await model.budgetRevisions('TC.0789')).data?.map((r) => r.amount)).toEqual(['250000.00']);
    } finally {
      await model.close();
    }
  });
});
