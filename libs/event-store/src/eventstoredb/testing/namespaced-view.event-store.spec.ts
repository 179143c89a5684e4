import type { EventStore } from '../../event-store.port';
import { InMemoryEventStore } from '../../in-memory/in-memory.event-store';
import { events } from '../../testing/contract.fixtures';
import { eventStoreContract } from '../../testing/event-store.contract';
import { NamespacedEventStoreView } from './namespaced-view.event-store';

/**
 * Self-check of the harness the EventStoreDB contract run depends on: the whole contract must pass through
 * the view over a store that already holds, and keeps receiving, other writers' events (as a shared
 * EventStoreDB does). If the view hid or invented anything, this run would fail here, without a server.
 */
eventStoreContract(
  'NamespacedEventStoreView over a busy InMemoryEventStore (harness self-check)',
  async () => {
    const inner = new InMemoryEventStore();
    await inner.append('project-a', events(3), 'no-stream'); // a previous test's stream of the same name
    const view = await NamespacedEventStoreView.create(inner);
    let n = 0;
    const noise = setInterval(
      () => void inner.append(`other-${n++ % 3}`, events(1), 'any').catch(() => undefined),
      2,
    );
    return {
      store: view,
      cleanup: async () => {
        clearInterval(noise);
        await view.close();
      },
    };
  },
);

describe('NamespacedEventStoreView', () => {
  it('fails instead of renumbering a position that is not one of its events', async () => {
    const inner = new InMemoryEventStore();
    const lying: EventStore = {
      append: async (stream, batch, expected) => ({
        ...(await inner.append(stream, batch, expected)),
        position: 999,
      }),
      readStream: (stream, options) => inner.readStream(stream, options),
      readAll: (options) => inner.readAll(options),
      subscribe: (options) => inner.subscribe(options),
      headPosition: () => inner.headPosition(),
      close: () => inner.close(),
    };
    const view = await NamespacedEventStoreView.create(lying);
    await expect(view.append('project-a', events(1), 'no-stream')).rejects.toThrow(
      /999 is not the position of any event/,
    );
    await view.close();
  });
});
