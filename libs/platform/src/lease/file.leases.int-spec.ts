import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileLeases } from './file.leases';
import { LeaderElection } from './leader-election';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The embedded store's leases: one active projector or relay per data directory, a standby takes over. */
describe('file leases (embedded store)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-file-lease-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('elects one of two elections on one data directory; the other takes over when the leader stops', async () => {
    const running: string[] = [];
    const elections = ['a', 'b'].map(
      (holder) =>
        new LeaderElection({
          leases: new FileLeases(dataDir),
          name: 'projector:sqlite:projects',
          holder,
          ttlMs: 300,
          onElected: async () => void running.push(holder),
          onDeposed: async () => void running.splice(running.indexOf(holder), 1),
        }),
    );
    elections.forEach((e) => e.start());
    try {
      while (running.length === 0) await sleep(10);
      await sleep(400);
      expect(running).toHaveLength(1);
      const [leader, standby] = running[0] === 'a' ? elections : [...elections].reverse();
      expect(standby.status()).toMatchObject({ leader: false, standby: true });
      const first = running[0];
      await leader.stop();
      while (running.length === 0 || running[0] === first) await sleep(10);
      expect(running).toEqual([first === 'a' ? 'b' : 'a']);
    } finally {
      await Promise.all(elections.map((e) => e.stop()));
    }
  });

  it('takes over from another process within a try of the holder being killed (SIGKILL frees the lock)', async () => {
    // Another process holds the projector's lease file, as a projector started by `npm run projector` would.
    mkdirSync(join(dataDir, 'leases'), { recursive: true });
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dataDir, 'leases', 'projector_sqlite_projects.lock'))}, { timeout: 0 });
         db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)'); db.exec('COMMIT');
         console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    let elected = false;
    const election = new LeaderElection({
      leases: new FileLeases(dataDir),
      name: 'projector:sqlite:projects',
      holder: 'standby',
      ttlMs: 300,
      onElected: async () => void (elected = true),
      onDeposed: async () => undefined,
    });
    election.start();
    try {
      await sleep(500);
      expect(elected).toBe(false);
      holder.kill('SIGKILL');
      const killedAt = Date.now();
      while (!elected && Date.now() - killedAt < 5000) await sleep(10);
      expect(elected).toBe(true);
      expect(election.status()).toMatchObject({ leader: true, standby: false });
    } finally {
      holder.kill('SIGKILL');
      await election.stop();
    }
  });
});
