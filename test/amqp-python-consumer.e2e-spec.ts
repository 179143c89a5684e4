import { ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { acquireBrokerLock, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { RunningLedger, startLedger } from './support/standalone-harness';

const readmeBlock = (name: string, language: string): string => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const match = new RegExp(
    `<!-- ${name}:start -->\\s*\`\`\`${language}\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`,
  ).exec(readme);
  if (!match) throw new Error(`README.md has no ${name} block`);
  return match[1];
};

/** The README's Python consumer, run as documented, receives the walk-through's events in order. */
describe('README: a Python (pika) consumer of the relayed events', () => {
  let ledger: RunningLedger;
  let release: () => void;
  let python: ChildProcessWithoutNullStreams | undefined;
  const exchange = uniqueName('test.python.events');
  const queue = uniqueName('test.python.queue');

  beforeAll(async () => {
    release = await acquireBrokerLock();
    ledger = await startLedger({ relayEnabled: true, relayExchange: exchange, amqpUrl: TEST_AMQP_URL });
  }, 200_000); // the broker lock may be held by another suite for a while

  afterAll(async () => {
    python?.kill();
    await ledger?.stop();
    const connection = await connect(TEST_AMQP_URL);
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await channel.deleteExchange(exchange);
    await connection.close();
    release?.();
  });

  it('prints created, started, budget-revised and completed for TC.0789 with revisions 0..3', async () => {
    const lines: string[] = [];
    python = spawn('/usr/bin/python3', ['-c', readmeBlock('python-consumer', 'python')], {
      env: {
        ...process.env,
        LEDGER_EXCHANGE: exchange,
        LEDGER_QUEUE: queue,
        LIMIT: '4',
        AMQP_URL: TEST_AMQP_URL,
      },
    });
    let stderr = '';
    python.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => python!.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      // print() may reach us in pieces: only complete lines count.
      let partial = '';
      python!.stdout.on('data', (chunk: Buffer) => {
        const text = partial + chunk.toString();
        const complete = text.split('\n');
        partial = complete.pop() ?? '';
        lines.push(...complete.filter(Boolean));
        if (lines.includes('waiting for events')) resolve();
      });
      python!.on('exit', (code) => reject(new Error(`python exited early (${code}): ${stderr}`)));
    });

    await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', readmeBlock('walkthrough', 'bash')], {
      env: { ...process.env, LEDGER: ledger.baseUrl },
    });

    expect(await exited).toBe(0);
    expect(lines).toEqual([
      'waiting for events',
      'org.projectledger.project.created.v1 TC.0789 revision 0',
      'org.projectledger.project.started.v1 TC.0789 revision 1',
      'org.projectledger.project.budget-revised.v1 TC.0789 revision 2',
      'org.projectledger.project.completed.v1 TC.0789 revision 3',
    ]);

    // The demo queue does not outlive the demo, so it cannot fill up with events nobody reads.
    const connection = await connect(TEST_AMQP_URL);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await expect(channel.checkQueue(queue)).rejects.toThrow(/NOT_FOUND|404/);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }, 60_000);
});
