import 'reflect-metadata';
import { loadConfig, runMain } from '@ledger/platform';
import { createStandaloneApp } from './standalone.app';

runMain(async () => {
  const config = loadConfig();
  const app = await createStandaloneApp(config);
  await app.listen(config.port);
  process.stdout.write(
    `Project Ledger listening on http://localhost:${config.port} (data in ${config.dataDir})\n` +
      `Web console: http://localhost:${config.port}/console\n`,
  );
});
