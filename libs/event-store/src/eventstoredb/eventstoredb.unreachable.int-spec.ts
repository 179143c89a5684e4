import { createServer } from 'node:net';
import { events } from '../testing/contract.fixtures';
import { EventStoreDbEventStore } from './eventstoredb.event-store';

/** A port on this machine that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real client against a server that is down: failures must surface, not hang or loop forever. */
describe('EventStoreDbEventStore when the server is unreachable', () => {
  let store: EventStoreDbEventStore;
  beforeEach(async () => {
    store = new EventStoreDbEventStore({
      connectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false&defaultDeadline=2000`,
      reconnect: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    });
  });
  afterEach(() => store.close());

  it('rejects an append with the connection error', async () => {
    await expect(store.append('project-a', events(1), 'no-stream')).rejects.toMatchObject({
      type: 'unavailable',
    });
  });

  it('retries a subscription a bounded number of times, then ends it with the connection error', async () => {
    const subscription = store.subscribe({ filter: { streamPrefixes: ['project-'] } });
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toMatchObject({ type: 'unavailable' });
    expect((subscription as unknown as { reconnects: number }).reconnects).toBe(2);
  });

  it('ends a subscription that is waiting to reconnect as soon as it is closed', async () => {
    const subscription = store.subscribe();
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(next).resolves.toEqual({ value: undefined, done: true });
  });
});
