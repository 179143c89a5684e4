import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder a test can cut like a network partition: while cut, nothing passes either way and new
 * connections hang (no error, no reset: packets simply go nowhere); healed, what was held back flows on,
 * as TCP delivers it once a real partition ends. (This machine's PostgreSQL and RabbitMQ listen on
 * loopback only, so a network namespace could not reach them without a forwarder like this anyway.)
 */
export interface TcpPartition {
  port: number;
  cut(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startTcpPartition(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpPartition> {
  let isCut = false;
  const pairs = new Set<[Socket, Socket]>();
  const waiting = new Set<() => void>();
  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    const open = () => {
      const upstream = connect(targetPort, targetHost);
      const pair: [Socket, Socket] = [client, upstream];
      pairs.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      const end = () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    };
    if (isCut) {
      client.pause();
      waiting.add(open);
    } else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut() {
      isCut = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    heal() {
      isCut = false;
      for (const [client, upstream] of pairs) {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        upstream.resume();
      }
      for (const open of waiting) open();
      waiting.clear();
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
