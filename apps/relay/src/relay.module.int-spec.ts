import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { projectStreamId } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { projectLife, toAppend } from '@ledger/contracts/testing/project-events.fixture';
import { acquireBrokerLock, AmqpTestKit, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { HealthRegistry, loadConfig, PlatformModule } from '@ledger/platform';
import { Relay } from './relay';
import { RelayModule } from './relay.module';
import { relayCheckpointFile, SqliteCheckpointStore } from './sqlite.checkpoint-store';

describe('RelayModule (in-process relay in a Nest app)', () => {
  let release: () => void;
  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());

  it('starts relaying on bootstrap, reports zero lag when caught up, and closes with the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-module-'));
    const kit = await AmqpTestKit.open();
    try {
      const exchange = uniqueName('test.module');
      const queue = await kit.collect(exchange, 'project.#');
      const config = loadConfig({
        DATA_DIR: dir,
        AMQP_URL: TEST_AMQP_URL,
        RELAY_EXCHANGE: exchange,
        API_KEYS: 'admin:admin-key-123',
        LOG_LEVEL: 'silent',
      });
      const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
      @Module({ imports: [PlatformModule.forRoot(config, { eventStore: store }), RelayModule] })
      class TestModule {}
      const app = await NestFactory.createApplicationContext(TestModule, {
        logger: false,
        abortOnError: false,
      });
      await app.init();
      await store.append(
        projectStreamId('TC.0789'),
        toAppend(projectLife('TC.0789', 'Asia and Oceania', 3)),
        'no-stream',
      );
      await queue.waitFor((m) => m.length === 3);
      expect(queue.messages.map((m) => m.fields.routingKey)).toEqual([
        'project.created.asia-and-oceania',
        'project.started.asia-and-oceania',
        'project.budget-revised.asia-and-oceania',
      ]);
      await app.get(Relay).waitForCheckpoint(3);
      expect(await app.get(Relay).lag()).toBe(0);
      // An audit checkpoint is not relayed, so it must not count as the relay falling behind.
      await store.append(
        'audit-checkpoints',
        [
          {
            eventId: randomUUID(),
            type: 'AuditCheckpointSigned',
            data: {},
            metadata: { recordedAt: '2020-01-01T00:00:00Z' },
          },
        ],
        'any',
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(await app.get(Relay).lag()).toBe(0);
      const relayCheck = new Map(app.get(HealthRegistry).entries()).get('relay')!;
      expect(await relayCheck()).toMatchObject({ up: true, lag: 0 });
      await app.close();
      const checkpoints = new SqliteCheckpointStore(relayCheckpointFile(dir));
      expect(await checkpoints.load('relay')).toBe(3);
      await checkpoints.close();
    } finally {
      await kit.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
