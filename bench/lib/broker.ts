import { randomBytes } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { acquireBrokerLock } from '@ledger/messaging/testing';

/** A topic exchange with one durable queue bound to `project.#`, both named with a random suffix. */
export interface BenchTopology {
  exchange: string;
  queue: string;
  channel: Channel;
  /** Deletes the queue and exchange and closes the connection. */
  dispose(): Promise<void>;
}

export async function benchTopology(amqpUrl: string, purpose: string): Promise<BenchTopology> {
  const suffix = randomBytes(5).toString('hex');
  const exchange = `bench.${purpose}.${suffix}`;
  const queue = `bench.${purpose}.${suffix}.q`;
  const model: ChannelModel = await connect(amqpUrl);
  model.on('error', () => undefined);
  const channel = await model.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true, autoDelete: false });
  await channel.assertQueue(queue, { durable: true });
  await channel.bindQueue(queue, exchange, 'project.#');
  return {
    exchange,
    queue,
    channel,
    async dispose() {
      try {
        const ch = await model.createChannel();
        await ch.deleteQueue(queue).catch(() => undefined);
        await ch.deleteExchange(exchange).catch(() => undefined);
      } finally {
        await model.close().catch(() => undefined);
      }
    },
  };
}

/**
 * The team's broker lock: a broker-restart test must not stop RabbitMQ under a measurement. If a test holds
 * it too long we measure anyway and say so, rather than leaving the figure out.
 */
export async function withBrokerLock<T>(
  timeoutMs: number,
  log: (m: string) => void,
  work: (locked: boolean) => Promise<T>,
): Promise<T> {
  let release: (() => void) | null = null;
  try {
    release = await acquireBrokerLock(timeoutMs);
  } catch {
    log(`broker lock still held after ${timeoutMs} ms: measuring without it`);
  }
  // Interrupted runs (Ctrl-C) exit through process.exit, so the lock is released on 'exit' too.
  const onExit = () => release?.();
  process.on('exit', onExit);
  try {
    return await work(release !== null);
  } finally {
    process.off('exit', onExit);
    release?.();
  }
}
