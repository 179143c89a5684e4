import { waitUntil } from '@ledger/event-store/testing/contract.fixtures';
import { LeaderElection, type LeaseBackend } from './leader-election';
import type { LeaseTerm } from './postgres.leases';

const TTL_MS = 300;

/** A lease backend whose renewals can be made to hang, as queries do when the database is cut off. */
class HangingBackend implements LeaseBackend {
  private hung: (() => void)[] = [];
  hang = false;
  async tryAcquire(name: string, holder: string): Promise<LeaseTerm | null> {
    if (this.hang) await new Promise<void>((resolve) => this.hung.push(resolve));
    return this.hang ? null : { name, holder, token: 1 };
  }
  async renew(): Promise<boolean> {
    if (this.hang) await new Promise<void>((resolve) => this.hung.push(resolve));
    return !this.hang;
  }
  async release(): Promise<void> {}
  /** The partition ends: every hung query answers (the lease is no longer ours). */
  heal(): void {
    this.hung.splice(0).forEach((resolve) => resolve());
  }
}

describe('LeaderElection', () => {
  it('stands down within its term when a renewal never answers, instead of leading on unaware', async () => {
    const leases = new HangingBackend();
    const events: string[] = [];
    const election = new LeaderElection({
      leases,
      name: 'role',
      holder: 'me',
      ttlMs: TTL_MS,
      onElected: async () => void events.push('elected'),
      onDeposed: async () => void events.push('deposed'),
    });
    election.start();
    try {
      await waitUntil('the election to serve', () => election.status().serving);
      expect(election.status()).toMatchObject({ leader: true, serving: true });
      leases.hang = true;
      // Its own deadline: time spent getting elected must not count against standing down.
      const cutAt = Date.now();
      const deadline = cutAt + 5000;
      while (election.status().leader && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(election.status()).toMatchObject({ leader: false, losses: 1 });
      expect(events).toEqual(['elected', 'deposed']);
      // The last renewal was at most TTL/3 before the cut: standing down takes at most a TTL and one tick.
      expect(Date.now() - cutAt).toBeLessThan(5000);
    } finally {
      leases.heal();
      leases.hang = false;
      await election.stop();
    }
  });
});
