import { Client } from 'pg';
import type { AppendResult } from '../event-store.port';
import { events, range, sleep, SubscriptionProbe, waitUntil } from '../testing/contract.fixtures';
import { dropSchema, tempSchemaName, TEST_DATABASE_URL } from '../testing/temp-postgres.fixture';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres.event-store';

/**
 * Subscribers read by position; a position given out by a transaction that commits AFTER a later position
 * became visible would be skipped for good. These tests hold commits open on purpose (the store's
 * beforeCommit failpoint) and check that no later writer can overtake and nothing is ever skipped.
 */
describe('PostgresEventStore commit order', () => {
  let schema: string;
  const open: PostgresEventStore[] = [];
  const openStore = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = new PostgresEventStore({
      connectionString: TEST_DATABASE_URL,
      schema,
      pollIntervalMs: 20,
      ...options,
    });
    open.push(store);
    await store.whenReady();
    return store;
  };
  let admin: Client;
  beforeEach(async () => {
    schema = tempSchemaName();
    admin = new Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await admin.end();
    await dropSchema(schema);
  });

  /** Backends of this schema's stores waiting for the head-row lock. */
  const waitingForHead = async () => {
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
      [`%"${schema}".log_head%`],
    );
    return Number(rows[0].n);
  };

  /** This schema's LISTEN connections (their last statement stays on show while they idle). */
  const listening = async () =>
    (
      await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [
        `LISTEN "ledger_events_${schema}"`,
      ])
    ).rows;

  it('makes a later writer wait for a commit held open, and shows readers nothing until both are in order', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    const slow = await openStore({ beforeCommit: () => (held++ === 0 ? gate : Promise.resolve()) });
    const fast = await openStore();
    const reader = await openStore();
    const probe = new SubscriptionProbe(reader.subscribe());

    const first = slow.append('project-slow', events(2), 'no-stream');
    await waitUntil('the first commit to be held open', () => held > 0);
    let secondDone = false;
    const second = fast.append('project-fast', events(1), 'no-stream').finally(() => (secondDone = true));
    await waitUntil('the second writer to queue for the head row', async () => (await waitingForHead()) > 0);

    await sleep(200); // several poll intervals of the reader
    expect(secondDone).toBe(false);
    expect(probe.received).toEqual([]);
    expect(await reader.headPosition()).toBe(0);

    release();
    expect(await first).toEqual({ nextExpectedRevision: 1, position: 2 });
    expect(await second).toEqual({ nextExpectedRevision: 0, position: 3 });
    await probe.waitFor(3);
    expect(probe.received.map((e) => [e.position, e.streamId])).toEqual([
      [1, 'project-slow'],
      [2, 'project-slow'],
      [3, 'project-fast'],
    ]);
    await probe.subscription.close();
  });

  it('never lets a subscriber skip an event while four writers hold their commits open for random times', async () => {
    const writers = await Promise.all(
      range(1, 4).map(() => openStore({ beforeCommit: () => sleep(Math.random() * 15) })),
    );
    const reader = await openStore();
    const probe = new SubscriptionProbe(reader.subscribe());
    const acknowledged: { streamId: string; eventIds: string[]; result: AppendResult }[] = [];
    await Promise.all(
      range(1, 120).map(async (i) => {
        const streamId = `project-${i % 30}`;
        const batch = events(1 + (i % 3));
        await sleep(Math.random() * 100);
        const result = await writers[i % 4].append(streamId, batch, 'any');
        acknowledged.push({ streamId, eventIds: batch.map((e) => e.eventId), result });
      }),
    );
    const total = acknowledged.reduce((n, a) => n + a.eventIds.length, 0);
    await probe.waitFor(total, 10_000);
    await sleep(100);
    expect(probe.positions()).toEqual(range(1, total));
    const byId = new Map(probe.received.map((e) => [e.eventId + e.streamId, e]));
    for (const a of acknowledged) {
      const last = byId.get(a.eventIds[a.eventIds.length - 1] + a.streamId);
      expect(last).toMatchObject({ position: a.result.position, revision: a.result.nextExpectedRevision });
    }
    // Revisions of each stream are gapless in position order too.
    const revisions = new Map<string, number>();
    for (const e of probe.received) {
      expect(e.revision).toBe((revisions.get(e.streamId) ?? -1) + 1);
      revisions.set(e.streamId, e.revision);
    }
    await probe.subscription.close();
  });

  it('wakes a subscriber through LISTEN/NOTIFY on an append by another store, without polling', async () => {
    const reader = await openStore({ pollIntervalMs: 600_000 });
    const writer = await openStore();
    const probe = new SubscriptionProbe(reader.subscribe());
    // The LISTEN connection is up (not: 100 ms have passed), so the append's NOTIFY is what wakes it.
    await waitUntil('the reader to LISTEN', async () => (await listening()).length > 0);
    await writer.append('project-a', events(2), 'no-stream');
    await probe.waitFor(2);
    expect(probe.positions()).toEqual([1, 2]);
    await probe.subscription.close();
  });

  it('still delivers by polling when the LISTEN connection is cut', async () => {
    const reader = await openStore({ pollIntervalMs: 50, listenRetryMs: 600_000 });
    const writer = await openStore();
    const probe = new SubscriptionProbe(reader.subscribe());
    await waitUntil('the reader to LISTEN', async () => (await listening()).length > 0);
    for (const { pid } of await listening()) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await waitUntil('the LISTEN connection to end', async () => (await listening()).length === 0);
    await writer.append('project-a', events(3), 'no-stream');
    await probe.waitFor(3);
    expect(probe.positions()).toEqual([1, 2, 3]);
    await probe.subscription.close();
  });
});
