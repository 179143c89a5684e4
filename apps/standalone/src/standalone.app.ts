import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AppConfig, PinoNestLogger, createLogger, loadConfig } from '@ledger/platform';
import { configureHttp } from './http-app';
import { setupOpenApi } from './openapi/openapi.document';
import { StandaloneModule } from './standalone.module';
import { connectAmqpCommands } from '../../command-api/src/amqp';

/** Builds (does not start) the all-in-one app. `overrides` win over the environment, for tests. */
export async function createStandaloneApp(
  overrides: Partial<AppConfig> = {},
  options: { logDestination?: DestinationStream } = {},
): Promise<INestApplication> {
  const config = { ...loadConfig(), ...overrides };
  const logger = createLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.create(StandaloneModule.forRoot(config, logger), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  configureHttp(app);
  setupOpenApi(app);
  // The RMQ transport reconnects by itself, so a broker that is down delays AMQP commands, not start-up.
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config);
  return app;
}
