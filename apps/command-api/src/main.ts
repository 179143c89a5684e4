import 'reflect-metadata';
import { appRoot, assertPortFree, createHttpApp, loadConfig, runMain, serveApp } from '@ledger/platform';
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
  const app = await createHttpApp(
    config,
    appRoot(config, [CommandApiModule, AmqpCommandsModule, AuditModule.forRoot(config)]),
  );
  if (config.amqpCommandsEnabled) await connectAmqpCommands(app, config, { waitForBroker: false });
  await serveApp(app, config, {
    title: 'Command API',
    eventStore: true,
    broker: config.amqpCommandsEnabled,
  });
});
