import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectStreamId } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { validateIntegrationEvent } from '@ledger/contracts';
import { projectLife, seedProjects, toAppend } from '@ledger/contracts/testing/project-events.fixture';
import { acquireBrokerLock, AmqpTestKit, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { Relay, type RelayLogger } from './relay';
import { SqliteCheckpointStore } from './sqlite.checkpoint-store';

const quiet: RelayLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('Relay (real SQLite store, real RabbitMQ)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let checkpoints: SqliteCheckpointStore;
  let kit: AmqpTestKit;
  let exchange: string;
  let release: () => void;

  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    checkpoints = new SqliteCheckpointStore(join(dir, 'relay-checkpoint.sqlite'));
    kit = await AmqpTestKit.open();
    exchange = kit.track('exchange', uniqueName('test.events'));
  });

  afterEach(async () => {
    await kit.cleanup();
    await checkpoints.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const relayFor = (window = 64): Relay =>
    new Relay({
      store,
      checkpoints,
      amqpUrl: TEST_AMQP_URL,
      exchange,
      window,
      logger: quiet,
      lagLogIntervalMs: 0,
    });

  /** Waits until the relay has confirmed and the queue received everything stored, stops it, returns the head. */
  const relayToHead = async (
    relay: Relay,
    queue: Awaited<ReturnType<AmqpTestKit['collect']>>,
  ): Promise<number> => {
    const head = await store.headPosition();
    await relay.waitForCheckpoint(head);
    await queue.waitFor((m) => m.length >= head);
    await relay.stop();
    return head;
  };

  it('publishes every event as a schema-valid CloudEvent with routing key, properties and headers', async () => {
    await seedProjects(store, { projects: 30, eventsPerProject: 9 });
    const queue = await kit.collect(exchange, 'project.#');
    const relay = relayFor();
    await relay.start();
    const head = await relayToHead(relay, queue);

    const all = await store.readAll({ limit: 10_000 });
    expect(queue.messages.map((m) => m.properties.messageId)).toEqual(all.map((e) => e.eventId));
    for (const msg of queue.messages) {
      const body = JSON.parse(msg.content.toString());
      expect(validateIntegrationEvent(body)).toEqual({ ok: true, type: body.type });
      expect(msg.properties.contentType).toBe('application/cloudevents+json');
      expect(msg.properties.deliveryMode).toBe(2);
      expect(msg.fields.routingKey).toMatch(/^project\.[a-z-]+\.[a-z-]+$/);
    }
    const revised = queue.messages.find((m) => m.fields.routingKey.startsWith('project.budget-revised.'))!;
    const source = all.find((e) => e.eventId === revised.properties.messageId)!;
    expect(JSON.parse(revised.content.toString())).toMatchObject({
      specversion: '1.0',
      id: source.eventId,
      type: 'org.projectledger.project.budget-revised.v1',
      subject: (source.data as { projectId: string }).projectId,
      time: source.metadata.recordedAt,
      data: source.data,
    });
    expect(revised.properties.headers).toMatchObject({
      stream: source.streamId,
      revision: source.revision,
      position: source.position,
      'correlation-id': source.metadata.correlationId,
    });
    expect(await checkpoints.load('relay')).toBe(head);
    expect(await relay.lag()).toBe(0);
  });

  it('routes by region even for projects created before the checkpoint it restarted from', async () => {
    await store.append(
      projectStreamId('TC.0789'),
      toAppend(projectLife('TC.0789', 'Asia and Oceania', 2)),
      'no-stream',
    );
    const first = relayFor();
    await first.start();
    await first.waitForCheckpoint(2);
    await first.stop();

    const queue = await kit.collect(exchange, 'project.*.asia-and-oceania');
    const [, , revised] = toAppend(projectLife('TC.0789', 'Asia and Oceania', 3));
    await store.append(projectStreamId('TC.0789'), [revised], 1);
    const second = relayFor();
    await second.start();
    await queue.waitFor((m) => m.length === 1);
    await second.stop();
    expect(queue.messages[0].fields.routingKey).toBe('project.budget-revised.asia-and-oceania');
    expect(queue.messages[0].properties.messageId).toBe(revised.eventId);
  });

  it('publishes a live burst larger than its window in order, though no further event follows it', async () => {
    // Window 2: messages built ahead wait for room while the subscription has nothing more to give.
    const queue = await kit.collect(exchange, 'project.#');
    const relay = relayFor(2);
    await relay.start();
    await store.append(
      projectStreamId('TC.0100'),
      toAppend(projectLife('TC.0100', 'Africa', 40)),
      'no-stream',
    );
    const head = await relayToHead(relay, queue);
    const all = await store.readAll({ limit: 100 });
    expect(queue.messages.map((m) => m.properties.messageId)).toEqual(all.map((e) => e.eventId));
    expect(await checkpoints.load('relay')).toBe(head);
  });

  it('keeps the log writable and reports its lag while the broker is unreachable', async () => {
    const relay = new Relay({
      store,
      checkpoints,
      amqpUrl: 'amqp://guest:guest@127.0.0.1:1',
      exchange,
      logger: quiet,
      lagLogIntervalMs: 0,
      backoff: { initialMs: 20, maxMs: 50 },
    });
    await relay.start();
    await seedProjects(store, { projects: 3, eventsPerProject: 4 });
    await new Promise((r) => setTimeout(r, 200));
    expect(relay.status()).toMatchObject({ connected: false, checkpoint: 0, published: 0 });
    expect(await relay.lag()).toBe(12);
    await relay.stop();
  });
});
