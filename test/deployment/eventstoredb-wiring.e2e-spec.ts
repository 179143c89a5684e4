import { createServer } from 'node:net';
import { RunningLedger, startLedger } from '../support/standalone-harness';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * EVENT_STORE=eventstoredb wired through the real app over HTTP, with the event store down (no server
 * exists here): the process starts, stays live, and reports itself not ready instead of crashing.
 */
describe('the app on EventStoreDB while the event store is down', () => {
  let ledger: RunningLedger;
  beforeEach(async () => {
    ledger = await startLedger({
      eventStore: 'eventstoredb',
      eventStoreConnectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false`,
      projectorEnabled: false,
      auditCheckpointEvery: 0,
    });
  });
  afterEach(() => ledger.stop());

  it('starts and answers liveness, because the client connects lazily', async () => {
    const live = await ledger.call('GET', '/health/live', { role: null });
    expect(live.status).toBe(200);
  });

  it('reports not ready while the event store cannot be reached', async () => {
    const ready = await ledger.call('GET', '/health/ready', { role: null });
    expect(ready.status).toBe(503);
  });
});
