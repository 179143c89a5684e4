import { randomBytes } from 'node:crypto';
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';

export const TEST_AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A name no other test uses: `<prefix>.<random>`. */
export const uniqueName = (prefix: string): string => `${prefix}.${randomBytes(5).toString('hex')}`;

/** Messages collected from one queue, with helpers to wait for them. */
export class QueueCollector {
  readonly messages: ConsumeMessage[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly channel: Channel,
    readonly queue: string,
  ) {}

  push(msg: ConsumeMessage): void {
    this.messages.push(msg);
    for (const w of this.waiters.splice(0)) w();
  }

  async waitFor(predicate: (messages: ConsumeMessage[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out on ${this.queue} with ${this.messages.length} messages`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }
}

/** A connection for a test, remembering what it declared so `cleanup()` deletes it all. */
export class AmqpTestKit {
  private exchanges: string[] = [];
  private queues: string[] = [];

  private constructor(
    readonly model: ChannelModel,
    readonly channel: Channel,
  ) {}

  static async open(url = TEST_AMQP_URL): Promise<AmqpTestKit> {
    const model = await connect(url);
    model.on('error', () => undefined);
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    return new AmqpTestKit(model, channel);
  }

  track(kind: 'exchange' | 'queue', name: string): string {
    (kind === 'exchange' ? this.exchanges : this.queues).push(name);
    return name;
  }

  /** A classic durable queue bound to `exchange`, consumed into a collector (auto-ack). */
  async collect(exchange: string, pattern = '#', queue = uniqueName('test.q')): Promise<QueueCollector> {
    await this.channel.assertExchange(exchange, 'topic', { durable: true });
    this.track('exchange', exchange);
    await this.channel.assertQueue(this.track('queue', queue), { durable: true });
    await this.channel.bindQueue(queue, exchange, pattern);
    const collector = new QueueCollector(this.channel, queue);
    await this.channel.consume(queue, (msg) => msg && collector.push(msg), { noAck: true });
    return collector;
  }

  async cleanup(): Promise<void> {
    try {
      const ch = await this.model.createChannel();
      for (const q of this.queues) await ch.deleteQueue(q).catch(() => undefined);
      for (const e of this.exchanges) await ch.deleteExchange(e).catch(() => undefined);
    } finally {
      await this.model.close().catch(() => undefined);
    }
  }
}
