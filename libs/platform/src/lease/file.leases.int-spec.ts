import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '@ledger/event-store/testing/contract.fixtures';
import { FileLeases } from './file.leases';
import { LeaderElection } from './leader-election';

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
      // The other tried for the lease while it was held, and lost.
      await waitUntil(
        'a leader and a standby',
        () => running.length > 0 && elections.some((e) => e.status().standby),
      );
      expect(running).toHaveLength(1);
      const [leader, standby] = running[0] === 'a' ? elections : [...elections].reverse();
      expect(standby.status()).toMatchObject({ leader: false, standby: true });
      const first = running[0];
      await leader.stop();
      await waitUntil('the standby to take over', () => running.length > 0 && running[0] !== first);
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
      // It tried while the other process held the file, and lost (not merely: has not tried yet).
      await waitUntil('the election to try and stand by', () => election.status().standby);
      expect(elected).toBe(false);
      holder.kill('SIGKILL');
      await waitUntil('the standby to take over from the killed holder', () => elected, 5000);
      expect(election.status()).toMatchObject({ leader: true, standby: false });
    } finally {
      holder.kill('SIGKILL');
      await election.stop();
    }
  });
});
