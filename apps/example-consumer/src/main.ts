import { loadExampleConsumerConfig } from './example-consumer.config';
import { startExampleConsumer } from './example-consumer';

async function main(): Promise<void> {
  const config = loadExampleConsumerConfig();
  const running = await startExampleConsumer(config, {
    info: (m) => console.log(m),
    warn: (m) => console.warn(m),
  });
  console.log(
    `example consumer: ${config.queue} bound to ${config.exchange} (${config.bindings.join(', ')})`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log(JSON.stringify(running.store.tally()));
  await running.close();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
