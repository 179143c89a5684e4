import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { EventStoreDbEventStore } from '@ledger/event-store/eventstoredb';
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
});
