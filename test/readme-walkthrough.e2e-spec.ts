import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RunningLedger, startLedger } from './support/standalone-harness';

/** The README's walk-through must work verbatim: run its bash block against a fresh server. */
describe('README walk-through', () => {
  let ledger: RunningLedger;
  beforeEach(async () => (ledger = await startLedger()));
  afterEach(() => ledger.stop());

  function walkthroughScript(): string {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
    if (!block) throw new Error('README.md has no walkthrough block');
    return block[1];
  }

  it('runs every curl of the walk-through successfully and leaves the Mongolia project completed at USD 200,000.00', async () => {
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', walkthroughScript()], {
      env: { ...process.env, LEDGER: ledger.baseUrl },
    });
    const lines = stdout.trim().split('\n');
    expect(JSON.parse(lines[0])).toEqual({ projectId: 'TC.0789', revision: 0, position: 1 });
    const history = JSON.parse(lines[lines.length - 1]);
    expect(history.map((e: { type: string }) => e.type)).toEqual(['ProjectCreated', 'ProjectStarted', 'ProjectBudgetRevised', 'ProjectCompleted']);
    expect(history[2].data).toMatchObject({ previous: '180000.00', amount: '200000.00', delta: '20000.00', currency: 'USD' });
  });
});
