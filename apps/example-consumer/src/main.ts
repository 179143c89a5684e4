import { createLogger, runMain } from '@ledger/platform';
import { loadExampleConsumerConfig } from './example-consumer.config';
import { startExampleConsumer } from './example-consumer';

runMain(async () => {
  const config = loadExampleConsumerConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const running = await startExampleConsumer(config, logger);
  logger.info(
    { queue: config.queue, exchange: config.exchange, bindings: config.bindings },
    'example consumer bound',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info({ tally: running.store.tally() }, 'example consumer stopping');
  await running.close();
});
