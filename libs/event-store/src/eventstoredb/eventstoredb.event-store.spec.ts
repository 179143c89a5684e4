import type { EventStoreDBClient } from '@eventstore/db-client';
import { events, SubscriptionProbe } from '../testing/contract.fixtures';
import { eventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb.event-store';
import { NamespacedEventStoreView } from './testing/namespaced-view.event-store';
import { ScriptedEsdbClient } from './testing/scripted-esdb.client';

const adapterOver = (client: ScriptedEsdbClient, pageSize = 7) =>
  new EventStoreDbEventStore({
    client: client as unknown as EventStoreDBClient,
    pageSize, // small pages, so paging through $all is exercised by every read
    reconnect: { baseDelayMs: 1, maxDelayMs: 5 },
  });

/**
 * The adapter's own logic (append rules, paging, system events, gapped positions, inclusive reads, server
 * filters) through the whole contract, over a scripted client. The same contract runs against a live
 * server in eventstoredb.event-store.int-spec.ts when EVENTSTORE_CONNECTION_STRING is set.
 */
eventStoreContract('EventStoreDbEventStore over a scripted client', async () => {
  const store = await NamespacedEventStoreView.create(adapterOver(new ScriptedEsdbClient()));
  return { store, cleanup: () => store.close() };
});

describe('EventStoreDbEventStore (scripted client)', () => {
  let client: ScriptedEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    client = new ScriptedEsdbClient();
    store = adapterOver(client);
  });
  afterEach(() => store.close());

  it('reports byte-offset positions that only increase, and the head of a batch as its position', async () => {
    const first = await store.append('project-a', events(3), 'no-stream');
    const second = await store.append('project-b', events(1), 'no-stream');
    const all = await store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(['project-a', 'project-a', 'project-a', 'project-b']);
    expect(first.position).toBe(all[2].position);
    expect(second.position).toBe(all[3].position);
    expect(all[1].position - all[0].position).toBeGreaterThan(1);
    expect(await store.headPosition()).toBe(second.position);
  });

  it('keeps a subscription going across dropped connections, without gaps or repeats', async () => {
    const probe = new SubscriptionProbe(store.subscribe({ filter: { streamPrefixes: ['project-'] } }));
    await store.append('project-a', events(3), 'no-stream');
    await probe.waitFor(3);
    client.dropSubscriptions();
    await store.append('project-a', events(2), 2);
    client.dropSubscriptions();
    await store.append('project-b', events(2), 'no-stream');
    await probe.waitFor(7);
    const expected = (await store.readAll({ filter: { streamPrefixes: ['project-'] } })).map(
      (e) => e.eventId,
    );
    expect(probe.received.map((e) => e.eventId)).toEqual(expected);
    expect(probe.error).toBeUndefined();
    await probe.subscription.close();
    expect(client.liveSubscriptions).toBe(0);
  });

  it('turns a conflict reported as success: false (throwOnAppendFailure=false) into the port error', async () => {
    const quiet = adapterOver(new ScriptedEsdbClient(3, false));
    await quiet.append('project-a', events(2), 'no-stream');
    // Two writers decided on revision 1; the second one's pre-check passes, the server then refuses it.
    const [first, second] = await Promise.allSettled([
      quiet.append('project-a', events(1), 1),
      quiet.append('project-a', events(1), 1),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', expected: 1, actual: 2 },
    });
    expect(await quiet.readStream('project-a')).toHaveLength(3);
    await quiet.close();
  });

  it('never hands system events to readers or subscribers', async () => {
    const probe = new SubscriptionProbe(store.subscribe());
    await store.append('project-a', events(6), 'no-stream');
    await probe.waitFor(6);
    const all = await store.readAll();
    expect(all).toHaveLength(6);
    expect([...all, ...probe.received].some((e) => e.streamId.startsWith('$'))).toBe(false);
    await probe.subscription.close();
  });
});
