import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { acquireBrokerLock } from '@ledger/messaging/testing';
import type { AmqpCommandReply } from './amqp-command.message';
import { openAmqpCommandsHarness, type AmqpCommandsHarness } from './testing/amqp-commands.harness';

const mongolia = MONGOLIA_CREATE_BODY;

describe('commands over AMQP (RMQ transport, real RabbitMQ)', () => {
  let harness: AmqpCommandsHarness;
  let release: () => void;

  beforeAll(async () => (release = await acquireBrokerLock()), 200_000);
  afterAll(() => release?.());
  beforeEach(async () => (harness = await openAmqpCommandsHarness('amqp-commands')));
  afterEach(() => harness.close());

  const send = (pattern: string, data: unknown): Promise<AmqpCommandReply> => harness.send(pattern, data);

  it('creates and starts a project, replying with revision and position, recording the channel actor', async () => {
    expect(await send('project.create', { body: mongolia, correlationId: 'import-7' })).toEqual({
      ok: true,
      projectId: 'TC.0789',
      revision: 0,
      position: 1,
    });
    expect(await send('project.start', { projectId: 'TC.0789', body: { actualStart: '2014-03' } })).toEqual({
      ok: true,
      projectId: 'TC.0789',
      revision: 1,
      position: 2,
    });
    const events = await harness.store.readStream('project-TC.0789');
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['ProjectCreated', 'amqp:finance-system'],
      ['ProjectStarted', 'amqp:finance-system'],
    ]);
    expect(events[0].metadata.correlationId).toBe('import-7');
  });

  it('answers invalid input with the same VALIDATION.FAILED problem as HTTP and stores nothing', async () => {
    const reply = await send('project.create', {
      body: { ...mongolia, budget: { amount: 200000, currency: 'USD' } },
    });
    expect(reply).toMatchObject({ ok: false, problem: { status: 400, code: 'VALIDATION.FAILED' } });
    expect(reply.ok === false && reply.problem.errors?.map((e) => e.field)).toContain('budget.amount');
    expect(await harness.store.headPosition()).toBe(0);
  });

  it('refuses a message that tries to choose its own actor', async () => {
    const reply = await send('project.create', { body: mongolia, actor: 'someone-else' });
    expect(reply).toMatchObject({
      ok: false,
      problem: { code: 'VALIDATION.FAILED', errors: [{ field: 'actor', code: 'UNKNOWN_FIELD' }] },
    });
    expect(await harness.store.headPosition()).toBe(0);
  });

  it('answers rule violations with their domain codes', async () => {
    expect(
      await send('project.start', { projectId: 'TC.9999', body: { actualStart: '2014' } }),
    ).toMatchObject({
      ok: false,
      problem: { status: 404, code: 'PROJECT.NOT_FOUND' },
    });
    await send('project.create', { body: mongolia });
    expect(
      await send('project.complete', { projectId: 'TC.0789', body: { actualEnd: '2016' } }),
    ).toMatchObject({
      ok: false,
      problem: { status: 409, code: 'PROJECT.NOT_ACTIVE' },
    });
  });

  it('treats a redelivered command (same commandId) as one change', async () => {
    const message = { body: mongolia, commandId: 'c0ffee00-0000-4000-8000-000000000001' };
    const first = await send('project.create', message);
    const again = await send('project.create', message);
    expect(again).toEqual(first);
    expect(await harness.store.headPosition()).toBe(1);
  });

  it('answers a plain AMQP client (not Nest) speaking the documented wire format', async () => {
    const channel = harness.kit.channel;
    const { queue: replyTo } = await channel.assertQueue('', { exclusive: true });
    const id = 'req-1';
    channel.sendToQueue(
      harness.queue,
      Buffer.from(JSON.stringify({ pattern: 'project.create', id, data: { body: mongolia } })),
      { replyTo, correlationId: id, persistent: true },
    );
    const reply = await new Promise<{ correlationId: unknown; body: Record<string, unknown> }>((resolve) => {
      void channel.consume(
        replyTo,
        (m) =>
          m && resolve({ correlationId: m.properties.correlationId, body: JSON.parse(m.content.toString()) }),
        { noAck: true },
      );
    });
    expect(reply.correlationId).toBe(id);
    expect(reply.body).toMatchObject({
      isDisposed: true,
      response: { ok: true, projectId: 'TC.0789', revision: 0 },
    });
  });

  it('a command that meets a briefly locked event store is retried, not dropped', async () => {
    // Another process holding the write lock past busy_timeout: a passing condition, not a bad command.
    const blocker = new Database(join(harness.dir, 'events.sqlite'));
    blocker.exec('BEGIN IMMEDIATE');
    const reply = send('project.create', { body: mongolia, commandId: 'create-while-locked' });
    await new Promise((r) => setTimeout(r, 600));
    blocker.exec('COMMIT');
    blocker.close();
    expect(await reply).toEqual({ ok: true, projectId: 'TC.0789', revision: 0, position: 1 });
    expect((await harness.store.readStream('project-TC.0789')).map((e) => e.type)).toEqual([
      'ProjectCreated',
    ]);
  });

  it('applies fire-and-forget commands (emit, no reply) too', async () => {
    await firstValueFrom(harness.client.emit('project.create', { body: mongolia }));
    const deadline = Date.now() + 10_000;
    while ((await harness.store.headPosition()) === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect((await harness.store.readStream('project-TC.0789')).map((e) => e.type)).toEqual([
      'ProjectCreated',
    ]);
  });
});
