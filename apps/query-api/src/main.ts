import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/src';
import type { Logger } from 'pino';
import {
  assertPortFree,
  createHttpApp,
  installGracefulStop,
  listenOn,
  loadConfig,
  LOGGER,
  PlatformModule,
  printStartBanner,
  runMain,
} from '@ledger/platform';
import { IatiExportModule } from './iati/iati-export.module';
import { QueryApiModule } from './query-api.module';

/**
 * The query API as its own process (scaled out behind a load balancer). The projector runs elsewhere
 * (`npm run projector`); minPosition and live updates follow it by polling the shared read model. It also
 * serves the web console (/console), whose reads are this API's routes.
 */
runMain(async () => {
  const config = loadConfig();
  await assertPortFree(config.port);
  const app = await createHttpApp(config, (logger) => {
    @Module({
      imports: [PlatformModule.forRoot(config, { logger }), QueryApiModule, IatiExportModule, ConsoleModule],
    })
    class QueryApiAppModule {}
    return QueryApiAppModule;
  });
  await listenOn(app, config.port);
  const logger = app.get<Logger>(LOGGER);
  installGracefulStop(app, { timeoutMs: config.stopTimeoutMs, logger });
  await printStartBanner(app, config, logger, {
    title: 'Query API',
    readModel: true,
  });
});
