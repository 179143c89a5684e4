import type { Channel, ChannelModel } from 'amqplib';

/** The durable topic exchange every event is published to. */
export async function assertEventsExchange(channel: Channel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true, autoDelete: false });
}

/**
 * Makes sure the events exchange exists without needing configure permission on it when it does: the
 * relay owns (declares) it, and a least-privilege consumer user may only check it. Declares it only when
 * it is missing (a consumer started before the relay ever ran, with a user allowed to).
 */
export async function ensureEventsExchange(model: ChannelModel, exchange: string): Promise<void> {
  const probe = await model.createChannel();
  probe.on('error', () => undefined); // a 404 closes the probe channel; that is the answer, not a fault
  try {
    await probe.checkExchange(exchange);
    await probe.close();
    return;
  } catch {
    // missing: fall through and declare it on a fresh channel
  }
  const declare = await model.createChannel();
  await assertEventsExchange(declare, exchange);
  await declare.close();
}

export interface ConsumerQueueSpec {
  exchange: string;
  queue: string;
  /** Routing patterns such as `project.#`, `project.completed.*`, `project.*.africa`. */
  bindings: string[];
  /** Default `<queue>.dlx` (a fanout exchange). */
  deadLetterExchange?: string;
  /** Default `<queue>.dlq`. */
  deadLetterQueue?: string;
  /** Deliveries before a message is dead-lettered (quorum queues count redeliveries). Default 5. */
  deliveryLimit?: number;
}

export interface ConsumerQueueNames {
  queue: string;
  deadLetterExchange: string;
  deadLetterQueue: string;
}

/**
 * A quorum queue bound to the events exchange (which must exist: see ensureEventsExchange), with a dead-letter exchange and queue: a message that
 * keeps failing is parked after `deliveryLimit` deliveries instead of blocking the ones behind it.
 */
export async function assertConsumerQueue(
  channel: Channel,
  spec: ConsumerQueueSpec,
): Promise<ConsumerQueueNames> {
  const deadLetterExchange = spec.deadLetterExchange ?? `${spec.queue}.dlx`;
  const deadLetterQueue = spec.deadLetterQueue ?? `${spec.queue}.dlq`;
  await channel.assertExchange(deadLetterExchange, 'fanout', { durable: true });
  await channel.assertQueue(deadLetterQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(deadLetterQueue, deadLetterExchange, '');
  await channel.assertQueue(spec.queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': deadLetterExchange,
      'x-delivery-limit': spec.deliveryLimit ?? 5,
    },
  });
  for (const pattern of spec.bindings) await channel.bindQueue(spec.queue, spec.exchange, pattern);
  return { queue: spec.queue, deadLetterExchange, deadLetterQueue };
}
