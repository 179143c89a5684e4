import { createLogger } from '@ledger/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import Decimal from 'decimal.js';
import { regionSlug } from '@ledger/contracts';
import { SqliteEventStore } from '@ledger/event-store';
import { seedProjects } from '@ledger/contracts/testing/project-events.fixture';
import { acquireBrokerLock, AmqpTestKit, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { Relay } from '../../relay/src/relay';
import { replayEvents } from '../../relay/src/replay';
import { SqliteCheckpointStore } from '../../relay/src/sqlite.checkpoint-store';
import { startExampleConsumer, type RunningExampleConsumer } from './example-consumer';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('example consumer: relay → quorum queue → budget tally (real RabbitMQ)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let kit: AmqpTestKit;
  let consumer: RunningExampleConsumer;
  let release: () => void;

  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'example-consumer-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    kit = await AmqpTestKit.open();
  });
  afterEach(async () => {
    await consumer?.close();
    await store.close();
    await kit.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies each event exactly once although a replay sends every event a second time', async () => {
    const exchange = kit.track('exchange', uniqueName('test.events'));
    const queue = kit.track('queue', uniqueName('test.tally'));
    kit.track('queue', `${queue}.dlq`);
    kit.track('exchange', `${queue}.dlx`);
    consumer = await startExampleConsumer(
      {
        amqpUrl: TEST_AMQP_URL,
        exchange,
        queue,
        bindings: ['project.created.*', 'project.budget-revised.*'],
        deliveryLimit: 3,
        databaseFile: join(dir, 'example-consumer.sqlite'),
      },
      createLogger('silent'),
    );
    // 12 projects over the 6 regions; each: 200000.00 + revisions of 1000.00.
    await seedProjects(store, { projects: 12, eventsPerProject: 8 });
    const wanted = (await store.readAll({ limit: 1000 })).filter((e) =>
      ['ProjectCreated', 'ProjectBudgetRevised'].includes(e.type),
    );

    const checkpoints = new SqliteCheckpointStore(join(dir, 'relay-checkpoint.sqlite'));
    const relay = new Relay({
      store,
      checkpoints,
      amqpUrl: TEST_AMQP_URL,
      exchange,
      window: 8,
      logger: quiet,
      lagLogIntervalMs: 0,
    });
    await relay.start();
    await relay.waitForCheckpoint(await store.headPosition());
    await relay.stop();
    await checkpoints.close();

    const model = await connect(TEST_AMQP_URL);
    const { published } = await replayEvents({
      store,
      channel: await model.createConfirmChannel(),
      target: { exchange },
      selection: { from: 1, to: await store.headPosition() },
    });
    await model.close();
    expect(published).toBe(await store.headPosition());

    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const q = await kit.channel.checkQueue(queue);
      if (q.messageCount === 0 && consumer.store.receivedCount() === wanted.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(consumer.store.receivedCount()).toBe(wanted.length);
    // Expected tally computed from the log itself: initial budgets plus every revision's delta, per region.
    const regionOf = new Map<string, string>();
    const expected = new Map<string, Decimal>();
    for (const e of wanted) {
      const data = e.data as { region?: string; budget?: { amount: string }; delta?: string };
      if (e.type === 'ProjectCreated') regionOf.set(e.streamId, regionSlug(data.region!));
      const region = regionOf.get(e.streamId)!;
      expected.set(region, (expected.get(region) ?? new Decimal(0)).plus(data.budget?.amount ?? data.delta!));
    }
    const tally = consumer.store.tally();
    expect(tally.map((row) => [row.region, row.total, row.projects])).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([region, total]) => [region, total.toFixed(2), 2]),
    );
    expect(tally).toHaveLength(6);
  });
});
