import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { acquireBrokerLock, AmqpTestKit, uniqueName } from '@ledger/messaging/testing';
import { mongoliaProject } from './support/mongolia';
import { RunningLedger, startLedger } from './support/standalone-harness';

const ROOT = join(__dirname, '..');
const walkthrough = (): string => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```/.exec(readme)![1];
};
const runWalkthrough = (ledger: RunningLedger) =>
  promisify(execFile)('bash', ['-euo', 'pipefail', '-c', walkthrough()], {
    env: { ...process.env, LEDGER: ledger.baseUrl },
  });

interface Published {
  id: string;
  source: string;
}

/** Two ledgers publishing to one broker, as two teams trying the README on a shared RabbitMQ would. */
describe('two ledgers on one broker', () => {
  let release: () => void;
  let kit: AmqpTestKit;
  const ledgers: RunningLedger[] = [];
  beforeAll(async () => {
    release = await acquireBrokerLock();
    kit = await AmqpTestKit.open();
  }, 200_000);
  afterAll(async () => {
    for (const ledger of ledgers) await ledger.stop();
    await kit.cleanup();
    release();
  });

  it('give different event ids and name themselves in `source` for the same walk-through; a restart keeps the identity', async () => {
    const exchange = uniqueName('test.shared');
    const queue = await kit.collect(exchange, 'project.#');
    const settings = { relayEnabled: true, relayExchange: exchange };
    const a = await startLedger(settings);
    const b = await startLedger(settings);
    ledgers.push(b);
    await runWalkthrough(a);
    await runWalkthrough(b);
    await queue.waitFor((m) => m.length === 8);
    const published = (): Published[] =>
      queue.messages.map((m) => {
        const event = JSON.parse(m.content.toString()) as { id: string; source: string };
        expect(m.properties.messageId).toBe(event.id);
        return { id: event.id, source: event.source };
      });
    const first = published();
    expect(new Set(first.map((e) => e.id)).size).toBe(8);
    const sources = [...new Set(first.map((e) => e.source))];
    expect(sources).toHaveLength(2);
    for (const source of sources) expect(source).toMatch(/^\/project-ledger\/[0-9a-f-]{36}$/);

    // Same data directory after a restart: the same instance, named the same way.
    await a.stop({ keepData: true });
    const again = await startLedger({ ...settings, dataDir: a.dataDir });
    ledgers.push(again);
    const extra = await again.call('POST', '/projects', {
      body: { ...mongoliaProject, projectId: 'TC.0790', primaId: null },
      role: 'publisher',
    });
    expect(extra.status).toBe(201);
    await queue.waitFor((m) => m.length === 9);
    expect(published()[8].source).toBe(first[0].source);
  }, 120_000);
});
