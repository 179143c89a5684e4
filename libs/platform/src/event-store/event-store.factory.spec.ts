import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { EventStoreDbEventStore } from '@ledger/event-store/eventstoredb';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import { loadConfig } from '../config/app-config';
import { createEventStore } from './event-store.factory';

describe('createEventStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factory-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens the embedded SQLite file in DATA_DIR by default', async () => {
    const store = createEventStore(loadConfig({ DATA_DIR: join(dir, 'data') }));
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect(existsSync(join(dir, 'data', 'events.sqlite'))).toBe(true);
    await store.close();
  });

  it('builds the EventStoreDB adapter from EVENTSTORE_CONNECTION_STRING without touching the disk', async () => {
    const store = createEventStore(
      loadConfig({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
        DATA_DIR: join(dir, 'data'),
      }),
    );
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    await store.close();
  });

  it('builds the PostgreSQL adapter on EVENT_STORE_DATABASE_URL and EVENT_STORE_SCHEMA, without touching the disk', async () => {
    const store = createEventStore(
      loadConfig({
        EVENT_STORE: 'postgres',
        // Nothing listens on port 1: the store connects lazily, so building it must not fail.
        EVENT_STORE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        EVENT_STORE_SCHEMA: 'unit_never_created',
        DATA_DIR: join(dir, 'data'),
      }),
    );
    expect(store).toBeInstanceOf(PostgresEventStore);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    await expect(store.headPosition()).rejects.toThrow(/ECONNREFUSED|connect/);
    await store.close();
  });
});
