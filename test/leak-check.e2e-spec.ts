import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

type JestJson = { testResults: { name: string; status: string; message: string }[] };

/** Runs jest on the two fixtures in test/fixtures/leak-check with the environment every suite here uses. */
function runFixtures(): Promise<JestJson> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-leak-check-'));
  const out = join(dir, 'results.json');
  const args = [
    join(ROOT, 'node_modules/jest/bin/jest.js'),
    '--config',
    'test/fixtures/leak-check/jest.config.js',
    '--json',
    '--outputFile',
    out,
    '--forceExit', // the leaky fixture would otherwise keep this jest alive: that is what it demonstrates
  ];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT, timeout: 60_000 }, () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as JestJson);
      } catch (error) {
        reject(error as Error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}

describe('test files must close what they open (jest environment of every project)', () => {
  it('fails a file that leaves a server listening, naming it, and passes the same file once it closes it', async () => {
    const { testResults } = await runFixtures();
    const byFile = Object.fromEntries(testResults.map((r) => [r.name.split('/').pop(), r]));

    expect(byFile['leaves-a-server-open.fixture.ts'].status).toBe('failed');
    expect(byFile['leaves-a-server-open.fixture.ts'].message).toMatch(
      /left 1 handle\(s\) open 10000 ms after its last test: Server listening on \{"address":"127\.0\.0\.1"/,
    );
    expect(byFile['closes-what-it-opens.fixture.ts'].status).toBe('passed');
  }, 90_000);
});
