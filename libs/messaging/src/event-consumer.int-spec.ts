import { randomUUID } from 'node:crypto';
import { toEventMessage } from '@ledger/contracts';
import { projectLife, toAppend } from '@ledger/contracts/testing/project-events.fixture';
import type { RecordedEvent } from '@ledger/event-store';
import { EventConsumer, type ReceivedEvent } from './event-consumer';
import { acquireBrokerLock, AmqpTestKit, TEST_AMQP_URL, uniqueName } from './testing';

/** Five schema-valid event messages of one project, as the relay would publish them. */
function messages(projectId: string) {
  return toAppend(projectLife(projectId, 'Africa', 5)).map((e, i) =>
    toEventMessage(
      { ...e, streamId: `project-${projectId}`, revision: i, position: i + 1 } as RecordedEvent,
      { regionSlug: 'africa' },
    ),
  );
}

describe('EventConsumer (quorum queue + dead-letter queue, real RabbitMQ)', () => {
  let kit: AmqpTestKit;
  let consumer: EventConsumer | null;
  let release: () => void;
  let exchange: string;
  let queue: string;

  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());
  beforeEach(async () => {
    kit = await AmqpTestKit.open();
    exchange = kit.track('exchange', uniqueName('test.events'));
    queue = kit.track('queue', uniqueName('test.consumer'));
    kit.track('queue', `${queue}.dlq`);
    kit.track('exchange', `${queue}.dlx`);
    consumer = null;
  });
  afterEach(async () => {
    await consumer?.close();
    await kit.cleanup();
  });

  const start = async (handle: (e: ReceivedEvent) => void): Promise<void> => {
    consumer = new EventConsumer({
      url: TEST_AMQP_URL,
      exchange,
      queue,
      bindings: ['project.#'],
      deliveryLimit: 2,
      handle,
    });
    await consumer.start();
  };
  const deadLettered = async (expected: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < 100 && ids.length < expected; i++) {
      const msg = await kit.channel.get(`${queue}.dlq`, { noAck: true });
      if (msg) ids.push(String(msg.properties.messageId));
      else await new Promise((r) => setTimeout(r, 100));
    }
    return ids;
  };

  it('parks a message whose handler keeps failing in the DLQ after the delivery limit, while the rest flow', async () => {
    const batch = messages('TC.0001');
    const poison = batch[2].properties.messageId;
    const attempts = new Map<string, number>();
    const applied: string[] = [];
    await start((event) => {
      attempts.set(event.messageId, (attempts.get(event.messageId) ?? 0) + 1);
      if (event.messageId === poison) throw new Error('cannot apply');
      applied.push(event.messageId);
    });
    for (const m of batch) kit.channel.publish(exchange, m.routingKey, m.body, m.properties);

    expect(await deadLettered(1)).toEqual([poison]);
    expect(applied).toEqual(batch.map((m) => m.properties.messageId).filter((id) => id !== poison));
    expect(attempts.get(poison)).toBeGreaterThanOrEqual(2);
  });

  it("keeps a project's order when a handler fails once: later events wait for the retried one", async () => {
    const batch = messages('TC.0003');
    const ids = batch.map((m) => m.properties.messageId);
    let failedOnce = false;
    const applied: string[] = [];
    await start((event) => {
      if (event.messageId === ids[1] && !failedOnce) {
        failedOnce = true;
        throw new Error('database briefly unavailable');
      }
      if (!applied.includes(event.messageId)) applied.push(event.messageId);
    });
    for (const m of batch) kit.channel.publish(exchange, m.routingKey, m.body, m.properties);
    for (let i = 0; i < 100 && applied.length < ids.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(applied).toEqual(ids);
  });

  it('sends a malformed message straight to the DLQ without calling the handler', async () => {
    const handled: string[] = [];
    await start((event) => void handled.push(event.messageId));
    const [good] = messages('TC.0002');
    const badId = randomUUID();
    kit.channel.publish(exchange, 'project.created.africa', Buffer.from('{not json'), {
      messageId: badId,
      persistent: true,
    });
    kit.channel.publish(exchange, good.routingKey, good.body, good.properties);
    expect(await deadLettered(1)).toEqual([badId]);
    for (let i = 0; i < 200 && handled.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(handled).toEqual([good.properties.messageId]);
  });
});
