import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import { ConfigError, type AppConfig } from '../config/app-config';
import { createLogger, PinoNestLogger } from '../logging/logger';
import { configureHttp } from './configure-http';
import { createHttpAdapter } from './http-adapter';

/**
 * Builds (does not start) an HTTP app on Fastify from a root module made for the config and logger: the
 * same logger, body handling and security for every app. Nest's own body parser is off: ours answers
 * 413/415/400.
 */
export async function createHttpApp(
  config: AppConfig,
  rootModule: (logger: Logger) => Parameters<typeof NestFactory.create>[0],
  options: { logDestination?: DestinationStream } = {},
): Promise<INestApplication> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.create(rootModule(logger), createHttpAdapter(), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  configureHttp(app);
  return app;
}

/** Runs an app's entry point; a bad configuration prints only its message, anything else its stack. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`,
    );
    process.exit(1);
  });
}
