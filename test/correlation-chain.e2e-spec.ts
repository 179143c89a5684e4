import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { connect } from 'amqplib';
import { createLogger } from '@ledger/platform';
import { acquireBrokerLock, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import {
  startExampleConsumer,
  type RunningExampleConsumer,
} from '../apps/example-consumer/src/example-consumer';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

/** One correlation id from the HTTP request, through the event and the AMQP message, to the consumer's log. */
describe('correlation id across HTTP → event → AMQP → consumer log', () => {
  let release: () => void;
  let ledger: RunningLedger;
  let consumer: RunningExampleConsumer;
  let dir: string;
  const exchange = uniqueName('test.chain.events');
  const queue = uniqueName('test.chain.tally');
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    release = await acquireBrokerLock();
    dir = mkdtempSync(join(tmpdir(), 'ledger-chain-'));
    ledger = await startLedger({ relayEnabled: true, relayExchange: exchange, amqpUrl: TEST_AMQP_URL });
    const config = {
      amqpUrl: TEST_AMQP_URL,
      exchange,
      queue,
      bindings: ['project.#'],
      deliveryLimit: 3,
      databaseFile: join(dir, 'tally.sqlite'),
    };
    consumer = await startExampleConsumer(config, createLogger('info', sink));
  }, 200_000);

  afterAll(async () => {
    await consumer?.close();
    await ledger?.stop();
    const connection = await connect(TEST_AMQP_URL);
    const channel = await connection.createChannel();
    for (const q of [queue, `${queue}.dlq`]) await channel.deleteQueue(q);
    for (const x of [exchange, `${queue}.dlx`]) await channel.deleteExchange(x);
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
    release?.();
  });

  it('the example consumer logs the effect of a command with the correlation id the caller sent', async () => {
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: mongoliaProject,
      headers: { 'x-correlation-id': 'chain-7d1e' },
    });
    expect(response.status).toBe(201);
    // Relay, broker and consumer in turn: on a loaded machine that can take longer than 5 s.
    for (let i = 0; i < 600 && !lines.some((l) => l.msg === 'event applied'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(lines.find((l) => l.msg === 'event applied')).toMatchObject({
      correlationId: 'chain-7d1e',
      type: 'org.projectledger.project.created.v1',
      subject: 'TC.0789',
      outcome: 'applied',
    });
  }, 60_000);
});
