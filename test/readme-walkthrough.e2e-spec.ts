import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { AppConfig } from '@ledger/platform';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { IOM_SOMALIA } from './support/iom-somalia';

const readmeBlock = (name: string): string => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const match = new RegExp(
    `<!-- ${name}:start -->\\s*\`\`\`bash\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`,
  ).exec(readme);
  if (!match) throw new Error(`README.md has no ${name} block`);
  return match[1];
};

const runBlock = async (name: string, ledger: RunningLedger): Promise<string[]> => {
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', readmeBlock(name)], {
    env: { ...process.env, LEDGER: ledger.baseUrl, DATA_DIR: ledger.dataDir },
    cwd: ROOT,
  });
  return stdout.trim().split('\n');
};

const ROOT = join(__dirname, '..');
/** Files the auditors' block writes in the working directory, as a user following the README would. */
const AUDIT_OUTPUTS = ['ledger-public.pem', 'TC.0789.ndjson'];

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The README's walk-through and queries must work verbatim: run their bash blocks against a fresh server. */
describe.each<[string, () => Partial<AppConfig>]>([
  ['SQLite read model', () => ({})],
  [
    'PostgreSQL read model',
    () => ({
      readModel: 'postgres',
      databaseUrl: DATABASE_URL,
      readModelSchema: `readme_${randomBytes(4).toString('hex')}`,
    }),
  ],
])('README walk-through (%s)', (_name, settings) => {
  let ledger: RunningLedger;
  let config: Partial<AppConfig>;
  beforeEach(async () => {
    config = settings();
    ledger = await startLedger(config);
  });
  afterEach(async () => {
    await ledger.stop();
    for (const file of AUDIT_OUTPUTS) rmSync(join(ROOT, file), { force: true });
    if (config.readModel === 'postgres') {
      const client = new Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${config.readModelSchema} CASCADE`);
      await client.end();
    }
  });

  it('drives the Mongolia project through its life; queries and audit show it completed at USD 200,000.00', async () => {
    const walkthrough = await runBlock('walkthrough', ledger);
    expect(JSON.parse(walkthrough[0])).toEqual({ projectId: 'TC.0789', revision: 0, position: 1 });
    const history = JSON.parse(walkthrough[walkthrough.length - 1]);
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'ProjectCreated',
      'ProjectStarted',
      'ProjectBudgetRevised',
      'ProjectCompleted',
    ]);
    expect(history[2].data).toMatchObject({
      previous: '180000.00',
      amount: '200000.00',
      delta: '20000.00',
      currency: 'USD',
    });

    const [project, list, stats, revisions] = (await runBlock('queries', ledger)).map((line) =>
      JSON.parse(line),
    );
    expect(project).toMatchObject({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      status: 'completed',
      budget: { amount: '200000.00', currency: 'USD' },
      benefitingMemberStates: ['MN'],
      revision: 3,
    });
    expect(list.items.map((p: { projectId: string }) => p.projectId)).toEqual(['TC.0789']);
    expect(stats).toEqual([
      { key: 'Asia and Oceania', projects: 1, budget: { currency: 'USD', total: '200000.00' } },
    ]);
    expect(revisions).toEqual([
      expect.objectContaining({
        previous: '180000.00',
        amount: '200000.00',
        delta: '20000.00',
        reason: 'additional-funding',
      }),
    ]);

    const audit = await runBlock('auditors', ledger);
    const [planned, before, after, completed, atRevision1, known, verify] = audit
      .slice(0, 7)
      .map((line) => JSON.parse(line));
    expect(planned.state).toMatchObject({ status: 'planned' });
    expect(before.state).toMatchObject({ status: 'active', budget: { amount: '180000.00' } });
    expect(after.state).toMatchObject({ status: 'active', budget: { amount: '200000.00' } });
    expect(completed.state).toMatchObject({ status: 'completed' });
    expect(atRevision1.state).toMatchObject({ status: 'active', budget: { amount: '180000.00' } });
    expect(known.state).toMatchObject({ status: 'completed', budget: { amount: '200000.00' } });
    expect(verify).toMatchObject({ ok: true, events: 4 });
    expect(audit[audit.length - 1]).toMatch(/^OK: 4 events in 1 streams; 1 signed checkpoint\(s\) verified/);
  }, 60_000);

  it('follows the money of the real IOM activity DP.2154: its commitment from the funder, and its summary', async () => {
    const lines = await runBlock('money-walkthrough', ledger);
    const [created, started, recorded, transactions, finances] = lines.map((line) => JSON.parse(line));
    expect([created.revision, started.revision, recorded.revision]).toEqual([0, 1, 2]);
    expect(transactions.items).toEqual([
      expect.objectContaining({
        ref: 'DP.2154-IC-1',
        type: 'incoming-commitment',
        typeCode: '11',
        date: IOM_SOMALIA.commitment.date,
        value: { amount: IOM_SOMALIA.commitment.amount, currency: 'USD' },
        provider: expect.objectContaining(IOM_SOMALIA.funder),
      }),
    ]);
    expect(finances).toEqual([
      {
        currency: 'USD',
        budget: IOM_SOMALIA.budget,
        incomingCommitment: IOM_SOMALIA.commitment.amount,
        incomingFunds: '0.00',
        committed: '0.00',
        disbursed: '0.00',
        spent: '0.00',
        remaining: IOM_SOMALIA.budget,
        spentShare: '0.0000',
        lastTransactionDate: IOM_SOMALIA.commitment.date,
      },
    ]);
  }, 60_000);
});
