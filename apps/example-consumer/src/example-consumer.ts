import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { EventConsumer } from '@ledger/messaging';
import { withRequestContext } from '@ledger/platform';
import { BudgetTallyStore } from './budget-tally.store';
import type { ExampleConsumerConfig } from './example-consumer.config';

export interface RunningExampleConsumer {
  store: BudgetTallyStore;
  consumer: EventConsumer;
  close(): Promise<void>;
}

/** Binds its quorum queue to the events exchange and keeps the budget tally up to date. */
export async function startExampleConsumer(
  config: ExampleConsumerConfig,
  logger: Logger,
): Promise<RunningExampleConsumer> {
  mkdirSync(dirname(config.databaseFile), { recursive: true });
  const store = new BudgetTallyStore(config.databaseFile);
  const consumer = new EventConsumer({
    url: config.amqpUrl,
    exchange: config.exchange,
    queue: config.queue,
    bindings: config.bindings,
    deliveryLimit: config.deliveryLimit,
    logger: { info: (m) => logger.info(m), warn: (m) => logger.warn(m) },
    // Each effect runs in the context of the request that caused it, so its log line carries that
    // request's correlation id: one id from the HTTP call through the event and the message to here.
    handle: (event) =>
      withRequestContext({ correlationId: event.correlationId ?? event.messageId }, () => {
        const outcome = store.apply(event);
        logger.info(
          { messageId: event.messageId, type: event.envelope.type, subject: event.envelope.subject, outcome },
          'event applied',
        );
      }),
  });
  await consumer.start();
  return {
    store,
    consumer,
    async close() {
      await consumer.close();
      store.close();
    },
  };
}
