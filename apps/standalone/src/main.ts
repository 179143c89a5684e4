import 'reflect-metadata';
import type { Logger } from 'pino';
import {
  assertPortFree,
  installGracefulStop,
  listenOn,
  loadConfig,
  lockDataDir,
  LOGGER,
  printStartBanner,
  runMain,
} from '@ledger/platform';
import { createStandaloneApp } from './standalone.app';

runMain(async () => {
  const config = loadConfig();
  // Checked before anything is generated or opened, so a start that cannot run leaves nothing behind.
  lockDataDir(config.dataDir);
  await assertPortFree(config.port);
  const app = await createStandaloneApp(config);
  await listenOn(app, config.port);
  const logger = app.get<Logger>(LOGGER);
  installGracefulStop(app, { timeoutMs: config.stopTimeoutMs, logger });
  await printStartBanner(app, config, logger, {
    title: 'Project Ledger',
    eventStore: true,
    readModel: true,
    broker: config.relayEnabled || config.amqpCommandsEnabled,
  });
});
