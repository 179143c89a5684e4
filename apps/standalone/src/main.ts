import 'reflect-metadata';
import { assertPortFree, loadConfig, lockDataDir, runMain, serveApp } from '@ledger/platform';
import { createStandaloneApp } from './standalone.app';

runMain(async () => {
  const config = loadConfig();
  // Checked before anything is generated or opened, so a start that cannot run leaves nothing behind.
  lockDataDir(config.dataDir);
  await assertPortFree(config.port);
  const app = await createStandaloneApp(config);
  await serveApp(app, config, {
    title: 'Project Ledger',
    eventStore: true,
    readModel: true,
    broker: config.relayEnabled || config.amqpCommandsEnabled,
  });
});
