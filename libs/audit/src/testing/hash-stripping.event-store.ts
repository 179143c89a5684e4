import type { EventStore, RecordedEvent, Subscription } from '@ledger/event-store';

const strip = (event: RecordedEvent): RecordedEvent => {
  const { prevHash: _p, hash: _h, ...metadata } = event.metadata;
  return { ...event, metadata };
};

/**
 * Test-only view that hides prevHash/hash on reads, so the adapter contract suite (which expects metadata
 * back exactly as given) can check every other promise of an adapter wrapped in HashChainingEventStore.
 */
export function hidingHashes(store: EventStore): EventStore {
  return {
    append: (s, e, x) => store.append(s, e, x),
    readStream: async (s, o) => (await store.readStream(s, o)).map(strip),
    readAll: async (o) => (await store.readAll(o)).map(strip),
    subscribe: (o) => {
      const inner = store.subscribe(o);
      const view: Subscription = {
        close: () => inner.close(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield strip(event);
        },
      };
      return view;
    },
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
