import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledger/platform';
import { createStandaloneApp } from './standalone.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createStandaloneApp(config);
  await app.listen(config.port);
  process.stdout.write(`Project Ledger listening on http://localhost:${config.port} (data in ${config.dataDir})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
