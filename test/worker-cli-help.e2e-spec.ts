import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadCompose, ROOT } from './deployment/compose.loader';

/** `npm run projector` / `npm run relay` without a sub-command: help, not a second worker on the live data. */
describe.each(['projector', 'relay'])('npm run %s without a sub-command', (app) => {
  it('prints its help and starts nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `ledger-${app}-help-`));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', `apps/${app}/src/main.ts`],
        { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 60_000 },
      );
      expect(stdout).toMatch(/^usage:/);
      expect(stdout).toMatch(new RegExp(`npm run ${app} -- (run|<command>)[\\s\\S]*\\brun\\b`));
      expect(readdirSync(dataDir)).toEqual([]); // no store, read model or checkpoint opened
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('is started with an explicit `run` by docker compose', () => {
    expect(loadCompose().services[app].command).toEqual(['node', `dist/apps/${app}/src/main.js`, 'run']);
  });
});
