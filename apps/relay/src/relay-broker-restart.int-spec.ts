import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectStreamId } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { projectLife, seedProjects, toAppend } from '@ledger/contracts/testing/project-events.fixture';
import { acquireBrokerLock, AmqpTestKit, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { EventConsumer, SqliteInbox } from '@ledger/messaging';
import { Relay } from './relay';
import { SqliteCheckpointStore } from './sqlite.checkpoint-store';

/**
 * Stops the whole broker (rabbitmqctl stop_app) while the relay is publishing. It holds the broker lock
 * that every AMQP suite of ours takes, so none of them runs meanwhile; start_app runs in `finally`.
 */
const rabbitmqctl = (...args: string[]): void =>
  void execFileSync('rabbitmqctl', args, { stdio: 'ignore', timeout: 60_000 });
const WINDOW = 64;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('Relay across a broker restart (rabbitmqctl stop_app / start_app)', () => {
  let dir: string;
  let release: () => void;

  beforeAll(async () => {
    release = await acquireBrokerLock();
    dir = mkdtempSync(join(tmpdir(), 'relay-restart-'));
  }, 200_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    release?.();
  });

  it('loses no confirmed event, keeps order, lets commands succeed meanwhile; a kit consumer reconnects and applies each once', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    const checkpoints = new SqliteCheckpointStore(join(dir, 'relay-checkpoint.sqlite'));
    const exchange = uniqueName('test.restart');
    const queue = uniqueName('test.restart.q');
    const setup = await AmqpTestKit.open();
    await setup.channel.assertExchange(exchange, 'topic', { durable: true });
    await setup.channel.assertQueue(queue, { durable: true });
    await setup.channel.bindQueue(queue, exchange, 'project.#');
    await setup.model.close();
    // A consumer-kit consumer rides through the restart too: it must reconnect and apply each event once.
    const inbox = new SqliteInbox(join(dir, 'consumer.sqlite'));
    inbox.db.exec('CREATE TABLE applied (message_id TEXT NOT NULL)');
    const consumer = new EventConsumer({
      url: TEST_AMQP_URL,
      exchange,
      queue: `${queue}.kit`,
      bindings: ['project.#'],
      handle: (event) =>
        void inbox.processOnce(event.messageId, (db) =>
          db.prepare('INSERT INTO applied VALUES (?)').run(event.messageId),
        ),
    });
    await consumer.start();

    await seedProjects(store, { projects: 300, eventsPerProject: 10 });
    const relay = new Relay({
      store,
      checkpoints,
      amqpUrl: TEST_AMQP_URL,
      exchange,
      window: WINDOW,
      logger: quiet,
      lagLogIntervalMs: 0,
      backoff: { initialMs: 100, maxMs: 500 },
    });
    await relay.start();
    await relay.waitForCheckpoint(300);
    let stopped = false;
    let atStop = 0;
    try {
      rabbitmqctl('stop_app');
      stopped = true;
      atStop = relay.status().checkpoint;
      // Commands keep succeeding: the log is the outbox.
      for (let i = 0; i < 20; i++) {
        const id = `TC.DOWN${i}`;
        await store.append(projectStreamId(id), toAppend(projectLife(id, 'Europe', 3)), 'no-stream');
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(relay.status().connected).toBe(false);
      expect(await relay.lag()).toBeGreaterThan(0);
    } finally {
      if (stopped) rabbitmqctl('start_app');
      rabbitmqctl('await_startup');
    }
    const head = await store.headPosition();
    await relay.waitForCheckpoint(head);
    expect(await relay.lag()).toBe(0);
    await relay.stop();

    const kit = await AmqpTestKit.open();
    for (const q of [queue, `${queue}.kit`, `${queue}.kit.dlq`]) kit.track('queue', q);
    for (const e of [exchange, `${queue}.kit.dlx`]) kit.track('exchange', e);
    try {
      const received: { id: string; stream: string; revision: number }[] = [];
      await kit.channel.consume(
        queue,
        (m) => {
          if (m)
            received.push({
              id: String(m.properties.messageId),
              stream: String(m.properties.headers?.stream),
              revision: Number(m.properties.headers?.revision),
            });
        },
        { noAck: true },
      );
      const all = await store.readAll({ limit: 10_000 });
      const deadline = Date.now() + 20_000;
      while (new Set(received.map((r) => r.id)).size < all.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      const ids = new Set(received.map((r) => r.id));
      expect(all.filter((e) => !ids.has(e.eventId)).map((e) => e.position)).toEqual([]);
      expect(received.length - ids.size).toBeLessThanOrEqual(relay.status().sessions * WINDOW);
      const next = new Map<string, number>();
      for (const r of received.filter((r, i) => received.findIndex((x) => x.id === r.id) === i)) {
        expect(r.revision).toBe(next.get(r.stream) ?? 0);
        next.set(r.stream, r.revision + 1);
      }
      expect(relay.status().sessions).toBeGreaterThanOrEqual(2);
      const appliedCount = (): number =>
        (inbox.db.prepare('SELECT COUNT(*) AS n FROM applied').get() as { n: number }).n;
      for (const until = Date.now() + 20_000; appliedCount() < all.length && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(appliedCount()).toBe(all.length);
      expect(inbox.processedCount()).toBe(all.length);
      console.log(
        `broker restart: checkpoint ${atStop} of 3000 when stopped, ${all.length} events, ` +
          `${received.length - ids.size} duplicates, ${relay.status().sessions} sessions`,
      );
    } finally {
      await consumer.close();
      inbox.close();
      await kit.cleanup();
      await checkpoints.close();
      await store.close();
    }
  }, 120_000);
});
