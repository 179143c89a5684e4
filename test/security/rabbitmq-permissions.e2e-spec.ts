import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { EventConsumer, type ReceivedEvent } from '@ledger/messaging';
import { acquireBrokerLock } from '@ledger/messaging/testing';
import { toEventMessage } from '@ledger/contracts';

const run = promisify(execFile);
const suffix = randomBytes(4).toString('hex');
// Throw-away credentials made up for this run, deleted in afterAll.
const names = {
  VHOST: `ledger-test-${suffix}`,
  RELAY_USER: `relay-${suffix}`,
  INTAKE_USER: `intake-${suffix}`,
  CONSUMER_USER: `consumer-${suffix}`,
  RELAY_PASSWORD: randomBytes(12).toString('hex'),
  INTAKE_PASSWORD: randomBytes(12).toString('hex'),
  CONSUMER_PASSWORD: randomBytes(12).toString('hex'),
};
const url = (user: string, password: string) =>
  `amqp://${user}:${password}@127.0.0.1:5672/${encodeURIComponent(names.VHOST)}`;

/** The shell block of docs/security.md between its markers: the test runs what the document says. */
function documentedSetup(): string {
  const doc = readFileSync(join(__dirname, '../../docs/security.md'), 'utf8');
  const block = /<!-- rabbitmq-setup:start -->\s*```sh\n([\s\S]*?)```\s*<!-- rabbitmq-setup:end -->/.exec(
    doc,
  );
  if (!block) throw new Error('docs/security.md has no rabbitmq-setup block');
  return block[1];
}

/** Runs `action` on a fresh channel: 'allowed' if it completes, 'refused' if the broker closes the channel with 403. */
async function attempt(
  connection: ChannelModel,
  action: (channel: ConfirmChannel) => Promise<unknown>,
): Promise<'allowed' | 'refused'> {
  const channel = await connection.createConfirmChannel();
  const closedByServer = new Promise<'refused'>((resolve, reject) =>
    channel.on('error', (error: Error) =>
      /403|ACCESS[-_]REFUSED/.test(error.message) ? resolve('refused') : reject(error),
    ),
  );
  const outcome = await Promise.race([
    action(channel).then(
      () => 'allowed' as const,
      (error: Error) =>
        /403|ACCESS[-_]REFUSED/.test(error.message) ? ('refused' as const) : Promise.reject(error),
    ),
    closedByServer,
  ]);
  await channel.close().catch(() => undefined);
  return outcome;
}

const publish = (exchange: string, key: string) => async (channel: ConfirmChannel) => {
  channel.publish(exchange, key, Buffer.from('{}'), { persistent: true });
  await channel.waitForConfirms();
};

describe('RabbitMQ least-privilege setup from docs/security.md', () => {
  let release: () => void;
  let admin: ChannelModel;
  let adminChannel: Channel;
  const connections: ChannelModel[] = [];

  beforeAll(async () => {
    // Other suites (and the broker-restart test) hold the broker for minutes at a time.
    release = await acquireBrokerLock(400_000);
    await run('bash', ['-euc', documentedSetup()], { env: { ...process.env, ...names } });
    // Test-only: the local admin (guest) prepares what the document leaves to a deploy step.
    await run('rabbitmqctl', ['-q', 'set_permissions', '-p', names.VHOST, 'guest', '.*', '.*', '.*']);
    admin = await connect(url('guest', 'guest'));
    adminChannel = await admin.createChannel();
    await adminChannel.assertQueue('reply.caller-1', { durable: false, exclusive: false, autoDelete: true });
  }, 480_000);

  afterAll(async () => {
    for (const connection of connections) await connection.close().catch(() => undefined);
    await admin?.close().catch(() => undefined);
    await run('rabbitmqctl', ['-q', 'delete_vhost', names.VHOST]).catch(() => undefined);
    for (const user of [names.RELAY_USER, names.INTAKE_USER, names.CONSUMER_USER])
      await run('rabbitmqctl', ['-q', 'delete_user', user]).catch(() => undefined);
    release?.();
  }, 60_000);

  const open = async (user: string, password: string) => {
    const connection = await connect(url(user, password));
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  };

  it('each user can do its job and nothing else; an event flows from relay to consumer', async () => {
    const relay = await open(names.RELAY_USER, names.RELAY_PASSWORD);
    const intake = await open(names.INTAKE_USER, names.INTAKE_PASSWORD);
    const consumer = await open(names.CONSUMER_USER, names.CONSUMER_PASSWORD);

    // The command intake declares its own queue at start, as the app does.
    expect(await attempt(intake, (c) => c.assertQueue('projects.commands', { durable: true }))).toBe(
      'allowed',
    );

    // Relay: declares and publishes to the events exchange, with project.* routing keys only.
    expect(await attempt(relay, (c) => c.assertExchange('projects.events', 'topic', { durable: true }))).toBe(
      'allowed',
    );
    expect(await attempt(relay, publish('projects.events', 'project.created.africa'))).toBe('allowed');
    expect(await attempt(relay, publish('projects.events', 'admin.anything'))).toBe('refused');
    expect(await attempt(relay, publish('', 'projects.commands'))).toBe('refused');
    expect(await attempt(relay, (c) => c.assertQueue('relay-side-queue'))).toBe('refused');
    expect(await attempt(relay, (c) => c.consume('projects.commands', () => undefined))).toBe('refused');

    // Consumer: its own queues and dead-letter exchange, bound to the events exchange.
    const queue = 'consumer.dashboard.projects';
    expect(await attempt(consumer, (c) => c.checkExchange('projects.events'))).toBe('allowed');
    expect(
      await attempt(consumer, async (c) => {
        await c.assertExchange(`${queue}.dlx`, 'fanout', { durable: true });
        await c.assertQueue(`${queue}.dlq`, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
        await c.bindQueue(`${queue}.dlq`, `${queue}.dlx`, '');
        await c.assertQueue(queue, {
          durable: true,
          arguments: {
            'x-queue-type': 'quorum',
            'x-dead-letter-exchange': `${queue}.dlx`,
            'x-delivery-limit': 5,
          },
        });
        await c.bindQueue(queue, 'projects.events', 'project.#');
      }),
    ).toBe('allowed');
    expect(
      await attempt(consumer, (c) => c.assertExchange('projects.events', 'topic', { durable: true })),
    ).toBe('refused');
    expect(await attempt(consumer, publish('projects.events', 'project.created.africa'))).toBe('refused');
    expect(await attempt(consumer, (c) => c.assertQueue('someone-else.queue'))).toBe('refused');
    expect(await attempt(consumer, (c) => c.consume('projects.commands', () => undefined))).toBe('refused');

    expect(await attempt(relay, publish('projects.events', 'project.completed.africa'))).toBe('allowed');
    const channel = await consumer.createChannel();
    const received = await new Promise<string>((resolve) =>
      channel.consume(queue, (message) => message && resolve(message.fields.routingKey), { noAck: true }),
    );
    expect(received).toBe('project.completed.africa');

    // Command intake: reads the command queue, replies through the default exchange, nothing more.
    expect(await attempt(intake, (c) => c.consume('projects.commands', () => undefined))).toBe('allowed');
    expect(await attempt(intake, publish('', 'reply.caller-1'))).toBe('allowed');
    expect(await attempt(intake, publish('projects.events', 'project.created.africa'))).toBe('refused');
    expect(await attempt(intake, (c) => c.assertQueue('projects.commands.shadow', { durable: true }))).toBe(
      'refused',
    );
    expect(
      await attempt(intake, (c) => c.assertExchange('projects.events', 'topic', { durable: true })),
    ).toBe('refused');
    expect(await attempt(intake, (c) => c.consume(queue, () => undefined))).toBe('refused');
  }, 60_000);

  it('the consumer kit runs under the least-privilege consumer user (it only checks the relay-owned exchange)', async () => {
    const received: ReceivedEvent[] = [];
    const kit = new EventConsumer({
      url: url(names.CONSUMER_USER, names.CONSUMER_PASSWORD),
      exchange: 'projects.events',
      queue: 'consumer.dashboard.kit',
      bindings: ['project.*.africa'],
      handle: (event) => void received.push(event),
    });
    await kit.start();
    try {
      const relay = await open(names.RELAY_USER, names.RELAY_PASSWORD);
      const channel = await relay.createConfirmChannel();
      const event = {
        eventId: '0b8f6f8e-6a55-4f4a-9f59-2b9e9d2c1a01',
        type: 'ProjectSuspended',
        streamId: 'project-TC.0001',
        revision: 1,
        position: 2,
        data: { projectId: 'TC.0001', reason: 'Audit' },
        metadata: { recordedAt: '2026-11-29T00:00:00.000Z' },
      };
      const message = toEventMessage(event, { regionSlug: 'africa' });
      channel.publish('projects.events', message.routingKey, message.body, message.properties);
      await channel.waitForConfirms();
      for (let i = 0; i < 400 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received.map((e) => [e.messageId, e.routingKey])).toEqual([
        [event.eventId, 'project.suspended.africa'],
      ]);
    } finally {
      await kit.close();
    }
  }, 60_000);
});
