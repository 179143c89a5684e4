import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createHttpApp, loadConfig, PlatformModule, runMain } from '@ledger/platform';
import { AmqpCommandsModule, connectAmqpCommands } from './amqp/amqp-commands.module';
import { AuditModule } from './audit/audit.module';
import { CommandApiModule } from './command-api.module';

/**
 * The write side as its own process: HTTP commands, per-project history and audit routes, and (unless
 * AMQP_COMMANDS_ENABLED=false) the AMQP command intake. Projector and relay run as their own processes.
 */
runMain(async () => {
  const config = loadConfig();
  const app = await createHttpApp(config, (logger) => {
    @Module({
      imports: [
        PlatformModule.forRoot(config, { logger }),
        CommandApiModule,
        AmqpCommandsModule,
        AuditModule,
      ],
    })
    class CommandApiAppModule {}
    return CommandApiAppModule;
  });
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config, { waitForBroker: false });
  await app.listen(config.port);
  process.stdout.write(
    `Command API listening on http://localhost:${config.port} (event store: ${config.eventStore})\n`,
  );
});
