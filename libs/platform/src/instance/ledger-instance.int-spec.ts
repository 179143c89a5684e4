import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { loadConfig } from '../config/app-config';
import { loadLedgerInstance } from './ledger-instance';

/** The instance id lives with the event store, so every process on that store names the same ledger. */
describe('ledger instance id', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-instance-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is one id for replicas on different hosts (data directories) sharing a PostgreSQL store, another for another store', async () => {
    const schema = tempSchemaName('instance');
    const other = tempSchemaName('instance');
    try {
      const replica = (eventStoreSchema: string) =>
        loadConfig({
          EVENT_STORE: 'postgres',
          EVENT_STORE_DATABASE_URL: TEST_DATABASE_URL,
          EVENT_STORE_SCHEMA: eventStoreSchema,
          DATA_DIR: dataDir(),
        });
      const [a, b] = await Promise.all([
        loadLedgerInstance(replica(schema)),
        loadLedgerInstance(replica(schema)),
      ]);
      expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(b).toEqual(a);
      expect(await loadLedgerInstance(replica(schema))).toEqual(a);
      expect((await loadLedgerInstance(replica(other))).id).not.toBe(a.id);
    } finally {
      await Promise.all([dropSchema(schema), dropSchema(other)]);
    }
  });

  it('is kept in the SQLite event store file: the same after a restart, another for another data directory', async () => {
    const dir = dataDir();
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await store.headPosition();
    await store.close();
    const config = loadConfig({ DATA_DIR: dir });
    const first = await loadLedgerInstance(config);
    expect(await loadLedgerInstance(config)).toEqual(first);
    expect((await loadLedgerInstance(loadConfig({ DATA_DIR: dataDir() }))).id).not.toBe(first.id);
  });
});
