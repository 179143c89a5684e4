import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

type JestJson = { testResults: { name: string; status: string; message: string }[] };
type FixtureRun = JestJson & { stderr: string };

/**
 * Runs jest on the fixtures in test/fixtures/leak-check with the environment every suite here uses, in two
 * worker processes as the real run does.
 */
function runFixtures(): Promise<FixtureRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-leak-check-'));
  const out = join(dir, 'results.json');
  const args = [
    join(ROOT, 'node_modules/jest/bin/jest.js'),
    '--config',
    'test/fixtures/leak-check/jest.config.js',
    '--json',
    '--outputFile',
    out,
    // Worker processes, not --forceExit: jest then asks each worker to end and kills one a leak keeps alive,
    // which is when the environment names what kept it.
    '--maxWorkers=2',
    '--workerIdleMemoryLimit=1GB', // else jest runs fixtures it remembers as fast in its own process
  ];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT, timeout: 60_000 }, (_error, _stdout, stderr) => {
      try {
        resolve({ ...(JSON.parse(readFileSync(out, 'utf8')) as JestJson), stderr });
      } catch (error) {
        reject(error as Error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}

describe('test files must close what they open (jest environment of every project)', () => {
  it('fails a file that leaves a server listening or a worker thread running, naming it, and passes the same file once it closes it', async () => {
    const { testResults, stderr } = await runFixtures();
    const byFile = Object.fromEntries(testResults.map((r) => [r.name.split('/').pop(), r]));

    expect(byFile['leaves-a-server-open.fixture.ts'].status).toBe('failed');
    expect(byFile['leaves-a-server-open.fixture.ts'].message).toMatch(
      /left 1 handle\(s\) open 10000 ms after its last test: Server listening on \{"address":"127\.0\.0\.1"/,
    );
    expect(byFile['leaves-a-worker-thread-running.fixture.ts'].status).toBe('failed');
    expect(byFile['leaves-a-worker-thread-running.fixture.ts'].message).toMatch(
      /left 1 handle\(s\) open 10000 ms after its last test: Worker thread \d+\./,
    );
    expect(byFile['closes-what-it-opens.fixture.ts'].status).toBe('passed');
    // A jest worker kept alive at the end says by what and after which file, beside jest's anonymous warning.
    expect(stderr).toMatch(
      /\[leak-check\] jest worker \d+ did not exit after its last test file \(\S+leaves-a-[\w-]+\.fixture\.ts\); still open: (Server listening|Worker thread)/,
    );
  }, 90_000);
});
