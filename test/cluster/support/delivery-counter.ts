import { connect, type ChannelModel } from 'amqplib';
import { assertEventsExchange } from '@ledger/messaging';
import { TEST_AMQP_URL } from '@ledger/messaging/testing/amqp-test.kit';

/**
 * A consumer of every message on `exchange`, through its own queue: how many times each message id was
 * delivered. `close` deletes the queue and the exchange.
 */
export interface DeliveryCounter {
  delivered: Map<string, number>;
  close(): Promise<void>;
}

export async function countDeliveries(exchange: string, queue: string): Promise<DeliveryCounter> {
  const delivered = new Map<string, number>();
  const amqp: ChannelModel = await connect(TEST_AMQP_URL);
  const channel = await amqp.createChannel();
  await assertEventsExchange(channel, exchange);
  await channel.assertQueue(queue, { durable: false, autoDelete: false });
  await channel.bindQueue(queue, exchange, '#');
  await channel.consume(
    queue,
    (message) => {
      const id = message?.properties.messageId as string | undefined;
      if (id) delivered.set(id, (delivered.get(id) ?? 0) + 1);
    },
    { noAck: true },
  );
  return {
    delivered,
    async close() {
      const cleanup = await amqp.createChannel();
      await cleanup.deleteQueue(queue).catch(() => undefined);
      await cleanup.deleteExchange(exchange).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    },
  };
}
