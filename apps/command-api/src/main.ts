import 'reflect-metadata';
import { Module } from '@nestjs/common';
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
import { AmqpCommandsModule, connectAmqpCommands } from './amqp/amqp-commands.module';
import { AuditModule } from './audit/audit.module';
import { CommandApiModule } from './command-api.module';

/**
 * The write side as its own process: HTTP commands, per-project history and audit routes, and (unless
 * AMQP_COMMANDS_ENABLED=false) the AMQP command intake. Projector and relay run as their own processes.
 */
runMain(async () => {
  const config = loadConfig();
  await assertPortFree(config.port);
  const app = await createHttpApp(config, (logger) => {
    @Module({
      imports: [
        PlatformModule.forRoot(config, { logger }),
        CommandApiModule,
        AmqpCommandsModule,
        AuditModule.forRoot(config),
      ],
    })
    class CommandApiAppModule {}
    return CommandApiAppModule;
  });
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config, { waitForBroker: false });
  await listenOn(app, config.port);
  const logger = app.get<Logger>(LOGGER);
  installGracefulStop(app, { timeoutMs: config.stopTimeoutMs, logger });
  await printStartBanner(app, config, logger, {
    title: 'Command API',
    eventStore: true,
    broker: config.amqpCommandsEnabled,
  });
});
