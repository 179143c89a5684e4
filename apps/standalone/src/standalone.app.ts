import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@ledger/platform';
import { configureHttp } from './http-app';
import { StandaloneModule } from './standalone.module';

const NEST_LOG_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds (does not start) the all-in-one app. `overrides` win over the environment, for tests. */
export async function createStandaloneApp(overrides: Partial<AppConfig> = {}): Promise<INestApplication> {
  const config = { ...loadConfig(), ...overrides };
  const app = await NestFactory.create(StandaloneModule.forRoot(config), {
    bodyParser: false,
    logger: NEST_LOG_LEVELS[config.logLevel] ?? NEST_LOG_LEVELS.info,
  });
  configureHttp(app);
  return app;
}
