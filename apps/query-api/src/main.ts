import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/src';
import { createHttpApp, loadConfig, PlatformModule, runMain } from '@ledger/platform';
import { IatiExportModule } from './iati/iati-export.module';
import { QueryApiModule } from './query-api.module';

/**
 * The query API as its own process (scaled out behind a load balancer). The projector runs elsewhere
 * (`npm run projector`); minPosition and live updates follow it by polling the shared read model. It also
 * serves the web console (/console), whose reads are this API's routes.
 */
runMain(async () => {
  const config = loadConfig();
  const app = await createHttpApp(config, (logger) => {
    @Module({
      imports: [PlatformModule.forRoot(config, { logger }), QueryApiModule, IatiExportModule, ConsoleModule],
    })
    class QueryApiAppModule {}
    return QueryApiAppModule;
  });
  await app.listen(config.port);
  process.stdout.write(
    `Query API listening on http://localhost:${config.port} (read model: ${config.readModel})\n`,
  );
});
