import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnStandalone, type StandaloneProcess } from './support/standalone-process';

/** `npm start` as a newcomer meets it: checks before side effects, one instance per data dir, a banner. */
describe('standalone start-up (real processes)', () => {
  const running: StandaloneProcess[] = [];
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-start-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (env: Record<string, string>, port?: number) => {
    const ledger = spawnStandalone(port ?? (await freePort()), env);
    running.push(ledger);
    return ledger;
  };
  afterAll(async () => {
    for (const ledger of running) if (ledger.child.exitCode === null) ledger.child.kill('SIGKILL');
    await Promise.all(running.map((ledger) => ledger.exited));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a second start on a data directory in use fails fast naming the holder; a crashed holder blocks nothing', async () => {
    const dir = dataDir();
    const first = await start({ DATA_DIR: dir });
    await first.started();

    const second = await start({ DATA_DIR: dir });
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.stderr()).toContain(`is in use by another ledger (PID ${first.child.pid})`);
    expect(second.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(second.stdout()).toBe('');

    first.child.kill('SIGKILL');
    await first.exited;
    const third = await start({ DATA_DIR: dir });
    await third.started();
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
  }, 120_000);

  it('a taken port stops the start with a clean message before any key is generated', async () => {
    const taken: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, resolve));
    try {
      const dir = dataDir();
      const ledger = await start({ DATA_DIR: dir, API_KEYS: '' }, port);
      const exit = await ledger.exited;
      expect(exit.code).toBe(1);
      expect(ledger.stderr()).toContain(`PORT ${port} is already in use`);
      expect(ledger.stderr()).not.toContain('EADDRINUSE');
      expect(ledger.stdout()).not.toContain('successfully started');
      expect(ledger.stdout()).not.toContain('Generated API keys');
      expect(existsSync(join(dir, 'api-keys.json'))).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);

  it('ends every start with a banner after the logs: URLs, where the keys are, which stores and broker', async () => {
    const dir = dataDir();
    const port = await freePort();
    const first = await start({ DATA_DIR: dir, API_KEYS: '', LOG_LEVEL: 'info' }, port);
    await first.started();
    const banner = async (ledger: StandaloneProcess) => {
      for (let i = 0; i < 100 && !/Stop with Ctrl-C.*\n/.test(ledger.stdout()); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const out = ledger.stdout();
      return out.slice(out.lastIndexOf('}\n') + 2);
    };
    const firstBanner = await banner(first);
    expect(firstBanner).not.toContain('{"level"'); // no log line inside or after it
    expect(firstBanner).toContain(`API          http://localhost:${port}`);
    expect(firstBanner).toContain(`API docs     http://localhost:${port}/docs`);
    expect(firstBanner).toContain(`stored hashed in ${join(dir, 'api-keys.json')}`);
    expect(firstBanner).toContain(`Event store  SQLite ${join(dir, 'events.sqlite')}`);
    expect(firstBanner).toContain(`Read model   SQLite ${join(dir, 'read-model.sqlite')}`);
    expect(firstBanner).toMatch(/Generated API keys \(shown once[^\n]*\n {2}publisher publisher-\S+/);
    first.child.kill('SIGINT');
    await first.exited;

    const later = await start({ DATA_DIR: dir, API_KEYS: '', LOG_LEVEL: 'info' }, port);
    await later.started();
    const laterBanner = await banner(later);
    expect(laterBanner).toContain(`API keys     stored hashed in ${join(dir, 'api-keys.json')}`);
    expect(laterBanner).not.toContain('Generated API keys');
    later.child.kill('SIGINT');
    expect((await later.exited).code).toBe(0);
  }, 120_000);
});
