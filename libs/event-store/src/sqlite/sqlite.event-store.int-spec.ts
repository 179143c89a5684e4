import Database from 'better-sqlite3';
import { eventStoreContract } from '../testing/event-store.contract';
import { events, range, SubscriptionProbe } from '../testing/contract.fixtures';
import { tempDir } from '../testing/temp-sqlite.fixture';
import { SqliteEventStore } from './sqlite.event-store';
import { SCHEMA_VERSION } from './sqlite.schema';

eventStoreContract('SqliteEventStore', async () => {
  const tmp = await tempDir();
  const store = new SqliteEventStore({ file: tmp.file, pollIntervalMs: 20 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await tmp.remove();
    },
  };
});

describe('SqliteEventStore file', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  const open: SqliteEventStore[] = [];
  const openStore = (pollIntervalMs = 20) => {
    const store = new SqliteEventStore({ file: tmp.file, pollIntervalMs });
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    tmp = await tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await tmp.remove();
  });

  it('keeps every acknowledged event across close and reopen, and continues numbering', async () => {
    const first = openStore();
    const batch = events(3);
    await first.append('project-a', batch, 'no-stream');
    await first.append('project-b', events(2), 'no-stream');
    await first.close();

    const reopened = openStore();
    expect(await reopened.headPosition()).toBe(5);
    const stored = await reopened.readStream('project-a');
    expect(stored.map((e) => [e.eventId, e.revision, e.position])).toEqual(
      batch.map((e, i) => [e.eventId, i, i + 1]),
    );
    await expect(reopened.append('project-a', batch, 'no-stream')).resolves.toEqual({
      nextExpectedRevision: 2,
      position: 3,
    });
    await expect(reopened.append('project-a', events(1), 2)).resolves.toEqual({
      nextExpectedRevision: 3,
      position: 6,
    });
  });

  it('writes appends still queued when close() is called instead of dropping them', async () => {
    const store = openStore();
    const pending = store.append('project-a', events(2), 'no-stream');
    await store.close();
    await expect(pending).resolves.toEqual({ nextExpectedRevision: 1, position: 2 });
    expect(await openStore().headPosition()).toBe(2);
  });

  it('caps stream reads by any maxCount, also past the statements it keeps per limit', async () => {
    const store = openStore();
    await store.append('project-a', events(40), 'no-stream');
    for (let maxCount = 1; maxCount <= 40; maxCount++) {
      const forwards = await store.readStream('project-a', { fromRevision: 1, maxCount });
      expect(forwards.map((e) => e.revision)).toEqual(range(1, Math.min(maxCount, 39)));
      const backwards = await store.readStream('project-a', { direction: 'backwards', maxCount });
      expect(backwards.map((e) => e.revision)).toEqual(range(40 - maxCount, 39).reverse());
    }
  });

  it('creates a versioned schema in WAL mode', () => {
    openStore();
    const db = new Database(tmp.file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const columns = (db.pragma('table_info(events)') as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['position', 'stream_id', 'revision', 'event_id', 'type', 'data', 'metadata']);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema version rather than corrupting it', () => {
    const db = new Database(tmp.file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore()).toThrow(/schema version/);
  });

  it('delivers to a subscriber the appends made through another connection, by polling', async () => {
    const reader = openStore(20);
    const writer = openStore(20);
    const probe = new SubscriptionProbe(reader.subscribe());
    await writer.append('project-a', events(3), 'no-stream');
    await writer.append('project-b', events(2), 'no-stream');
    await probe.waitFor(5);
    expect(probe.positions()).toEqual(range(1, 5));
    await probe.subscription.close();
  });
});
