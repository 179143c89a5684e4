import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, loadConfig, PinoNestLogger, PlatformModule } from '@ledger/platform';
import { configureHttp } from '../../standalone/src/http-app';
import { QueryApiModule } from './query-api.module';

/**
 * The query API as its own process (scaled out behind a load balancer). The projector runs elsewhere
 * (`npm run projector`); minPosition and live updates follow it by polling the shared read model.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  @Module({ imports: [PlatformModule.forRoot(config, { logger }), QueryApiModule] })
  class QueryApiAppModule {}

  const app = await NestFactory.create(QueryApiAppModule, { bodyParser: false, logger: new PinoNestLogger(logger) });
  configureHttp(app);
  await app.listen(config.port);
  process.stdout.write(`Query API listening on http://localhost:${config.port} (read model: ${config.readModel})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
