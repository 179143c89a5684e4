import { createServer, type Server } from 'node:net';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

/** A port on this machine where nothing speaks AMQP: connections are accepted and dropped at once. */
async function deadBroker(): Promise<{ url: string; server: Server }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `amqp://guest:guest@127.0.0.1:${port}`, server };
}

describe('with RabbitMQ unreachable', () => {
  let ledger: RunningLedger;
  let broker: { url: string; server: Server };

  beforeEach(async () => {
    broker = await deadBroker();
    ledger = await startLedger({
      amqpUrl: broker.url,
      relayEnabled: true,
      amqpCommandsEnabled: true,
      commandQueue: 'never.used.commands',
    });
  });
  afterEach(async () => {
    await ledger.stop();
    broker.server.close();
  });

  it('starts, accepts commands and serves reads; readiness says the relay is behind', async () => {
    const created = await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    expect(created.status).toBe(201);
    const read = await ledger.call('GET', '/projects/TC.0789?minPosition=1', { role: 'reader' });
    expect(read.status).toBe(200);
    const ready = await ledger.call('GET', '/health/ready', { role: null });
    expect(ready.status).toBe(503);
    expect((await ready.json()).error.relay).toMatchObject({ status: 'down', connected: false, lag: 1 });
  });
});
