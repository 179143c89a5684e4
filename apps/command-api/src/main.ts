import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, loadConfig, PinoNestLogger, PlatformModule } from '@ledger/platform';
import { configureHttp } from '../../standalone/src/http-app';
import { connectAmqpCommands } from './amqp';
import { AmqpCommandsModule } from './amqp/amqp-commands.module';
import { AuditModule } from './audit/audit.module';
import { CommandApiModule } from './command-api.module';

/**
 * The write side as its own process: HTTP commands, per-project history and audit routes, and (unless
 * AMQP_COMMANDS_ENABLED=false) the AMQP command intake. Projector and relay run as their own processes.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  @Module({ imports: [PlatformModule.forRoot(config, { logger }), CommandApiModule, AmqpCommandsModule, AuditModule] })
  class CommandApiAppModule {}

  const app = await NestFactory.create(CommandApiAppModule, { bodyParser: false, logger: new PinoNestLogger(logger) });
  configureHttp(app);
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config);
  await app.listen(config.port);
  process.stdout.write(`Command API listening on http://localhost:${config.port} (event store: ${config.eventStore})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
