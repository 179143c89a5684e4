import { Module, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { Transport, type RmqOptions } from '@nestjs/microservices';
import type { AppConfig } from '@ledger/platform';
import { CommandApiModule } from '../command-api.module';
import { AmqpCommandsController } from './amqp-commands.controller';
import { CommandQueueServer } from './command-queue.server';

/** The AMQP command intake. Import it next to CommandApiModule, then call `connectAmqpCommands(app, config)`. */
@Module({
  imports: [CommandApiModule],
  controllers: [AmqpCommandsController],
})
export class AmqpCommandsModule {}

function amqpCommandsTransport(config: Pick<AppConfig, 'amqpUrl' | 'commandQueue'>): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [config.amqpUrl],
      queue: config.commandQueue,
      queueOptions: { durable: true },
      // Acked by the controller after the command is decided and stored, so a crash means redelivery
      // (made harmless by the command id), never a lost command.
      noAck: false,
      prefetchCount: 16,
      persistent: true,
    },
  };
}

/**
 * Attaches the AMQP command consumer to an app and starts it. The connection is managed by
 * amqp-connection-manager, which reconnects by itself. With `waitForBroker: false` (the apps' default
 * start-up) the app does not wait for RabbitMQ: HTTP serves while the broker is away and AMQP commands
 * start flowing when it comes back. Tests wait, so the queue exists before they publish.
 */
export async function connectAmqpCommands(
  app: INestApplication,
  config: Pick<AppConfig, 'amqpUrl' | 'commandQueue'>,
  options: { waitForBroker?: boolean; onError?: (error: unknown) => void } = {},
): Promise<INestMicroservice> {
  const strategy = new CommandQueueServer(amqpCommandsTransport(config).options ?? {});
  const microservice = app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  const started = app.startAllMicroservices();
  if (options.waitForBroker ?? true) await started;
  else started.catch((error) => options.onError?.(error));
  return microservice;
}
