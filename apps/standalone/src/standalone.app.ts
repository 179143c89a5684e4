import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AppConfig, createHttpApp, loadConfig } from '@ledger/platform';
import { connectAmqpCommands } from '../../command-api/src';
import { setupOpenApi } from './openapi/openapi.document';
import { StandaloneModule } from './standalone.module';

/** Builds (does not start) the all-in-one app. `overrides` win over the environment, for tests. */
export async function createStandaloneApp(
  overrides: Partial<AppConfig> = {},
  options: { logDestination?: DestinationStream } = {},
): Promise<INestApplication> {
  const config = { ...loadConfig(), ...overrides };
  const app = await createHttpApp(config, (logger) => StandaloneModule.forRoot(config, logger), options);
  setupOpenApi(app);
  // The RMQ transport reconnects by itself, so a broker that is down delays AMQP commands, not start-up.
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config, { waitForBroker: false });
  return app;
}
