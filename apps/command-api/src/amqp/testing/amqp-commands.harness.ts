import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { SqliteEventStore } from '@ledger/event-store';
import { createHttpAdapter, loadConfig, PlatformModule } from '@ledger/platform';
import { AmqpTestKit, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import type { AmqpCommandReply } from '../amqp-command.message';
import { AmqpCommandsModule, connectAmqpCommands } from '../amqp-commands.module';

/**
 * The AMQP command intake on its own, for a test: a fresh data directory with a real SQLite store, its own
 * command queue on the real broker, and an RMQ client that sends to it. `close` removes all of it.
 */
export interface AmqpCommandsHarness {
  dir: string;
  store: SqliteEventStore;
  queue: string;
  kit: AmqpTestKit;
  client: ClientProxy;
  send(pattern: string, data: unknown): Promise<AmqpCommandReply>;
  close(): Promise<void>;
}

export async function openAmqpCommandsHarness(name: string): Promise<AmqpCommandsHarness> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const kit = await AmqpTestKit.open();
  const queue = kit.track('queue', uniqueName(`test.${name}`));
  const config = loadConfig({
    DATA_DIR: dir,
    COMMAND_QUEUE: queue,
    AMQP_URL: TEST_AMQP_URL,
    AMQP_COMMAND_ACTOR: 'amqp:finance-system',
    API_KEYS: 'admin:admin-key-123',
    RELAY_ENABLED: 'false',
    PROJECTOR_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), busyTimeoutMs: 100 });
  @Module({ imports: [PlatformModule.forRoot(config, { eventStore: store }), AmqpCommandsModule] })
  class TestModule {}
  const app: INestApplication = await NestFactory.create(TestModule, createHttpAdapter(), {
    logger: false,
    abortOnError: false,
  });
  await connectAmqpCommands(app, config);
  await app.init();
  const client = ClientProxyFactory.create({
    transport: Transport.RMQ,
    options: { urls: [TEST_AMQP_URL], queue, queueOptions: { durable: true } },
  });
  await client.connect();
  return {
    dir,
    store,
    queue,
    kit,
    client,
    send: (pattern, data) => firstValueFrom(client.send<AmqpCommandReply>(pattern, data)),
    async close() {
      await client.close();
      await app.close();
      await kit.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
