import 'reflect-metadata';
import { ConsoleModule } from '../../console/src';
import { appRoot, assertPortFree, createHttpApp, loadConfig, runMain, serveApp } from '@ledger/platform';
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
  const app = await createHttpApp(config, appRoot(config, [QueryApiModule, IatiExportModule, ConsoleModule]));
  await serveApp(app, config, {
    title: 'Query API',
    readModel: true,
  });
});
