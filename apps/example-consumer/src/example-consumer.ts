import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventConsumer, type ConsumerLogger } from '@ledger/messaging';
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
  logger?: ConsumerLogger,
): Promise<RunningExampleConsumer> {
  mkdirSync(dirname(config.databaseFile), { recursive: true });
  const store = new BudgetTallyStore(config.databaseFile);
  const consumer = new EventConsumer({
    url: config.amqpUrl,
    exchange: config.exchange,
    queue: config.queue,
    bindings: config.bindings,
    deliveryLimit: config.deliveryLimit,
    logger,
    handle: (event) => void store.apply(event),
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
