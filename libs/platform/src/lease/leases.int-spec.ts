import { LeaseLostError } from '@ledger/event-store';
import { events, waitUntil } from '@ledger/event-store/testing/contract.fixtures';
import {
  dropSchema,
  tempPostgresStore,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { LeaderElection } from './leader-election';
import { PostgresLeases } from './postgres.leases';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL leases', () => {
  let schema: string;
  let leases: PostgresLeases;
  beforeEach(() => {
    schema = tempSchemaName('lease');
    leases = new PostgresLeases(TEST_DATABASE_URL, schema);
  });
  afterEach(async () => {
    await leases.close();
    await dropSchema(schema);
  });

  it('lets one holder in until its term expires, then hands the next holder a higher token', async () => {
    // The first term is too long to run out however slow the machine; the renewal shortens it, and the
    // sleep only ever follows that renewal, so the term has surely expired when b tries again.
    const a = await leases.tryAcquire('relay:x', 'a', 60_000);
    expect(a).toEqual({ name: 'relay:x', holder: 'a', token: 1 });
    expect(await leases.tryAcquire('relay:x', 'b', 60_000)).toBeNull();
    expect(await leases.renew(a!, 300)).toBe(true);
    await sleep(400); // a "pauses": no renewal for longer than the TTL
    const b = await leases.tryAcquire('relay:x', 'b', 300);
    expect(b).toEqual({ name: 'relay:x', holder: 'b', token: 2 });
    expect(await leases.renew(a!, 300)).toBe(false);
  });

  it('refuses a fenced append of a deposed leader and writes nothing; the new leader appends', async () => {
    const ctx = await tempPostgresStore();
    try {
      const old = (await leases.tryAcquire('audit-checkpointer', 'a', 60_000))!;
      await ctx.store.append('audit-checkpoints', events(1), 'any', { fence: leases.fenceOf(old) });
      // a's term ends (release ages the row exactly as an expiry does) without racing a short TTL
      await leases.release(old);
      const current = (await leases.tryAcquire('audit-checkpointer', 'b', 5000))!;
      const refused = ctx.store.append('audit-checkpoints', events(1), 'any', { fence: leases.fenceOf(old) });
      await expect(refused).rejects.toBeInstanceOf(LeaseLostError);
      await expect(refused).rejects.toMatchObject({ code: 'LEASE.LOST' });
      expect(await ctx.store.headPosition()).toBe(1);
      await expect(
        ctx.store.append('audit-checkpoints', events(1), 'any', { fence: leases.fenceOf(current) }),
      ).resolves.toMatchObject({ position: 2 });
    } finally {
      await ctx.cleanup();
    }
  });

  it('refuses even an unchallenged term once it expired (the paused leader cannot write late)', async () => {
    const ctx = await tempPostgresStore();
    try {
      const term = (await leases.tryAcquire('audit-checkpointer', 'a', 200))!;
      await sleep(300);
      await expect(
        ctx.store.append('audit-checkpoints', events(1), 'any', { fence: leases.fenceOf(term) }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(await ctx.store.headPosition()).toBe(0);
    } finally {
      await ctx.cleanup();
    }
  });

  it('elects exactly one of three processes, and a standby takes over when the leader steps down', async () => {
    // A TTL no stall of this process outlasts (a lapsed term would be taken over: token 3, two running
    // for a moment); a standby tries every TTL/3 = 2 s, which bounds the takeover's wait.
    const running: string[] = [];
    const elections = ['a', 'b', 'c'].map(
      (holder) =>
        new LeaderElection({
          leases,
          name: 'projector:rm:projects',
          holder,
          ttlMs: 6000,
          onElected: async () => void running.push(holder),
          onDeposed: async () => void running.splice(running.indexOf(holder), 1),
        }),
    );
    elections.forEach((e) => e.start());
    try {
      // Both others tried for the lease while it was held, and lost.
      await waitUntil(
        'a leader and two standbys',
        () => running.length > 0 && elections.filter((e) => e.status().standby).length === 2,
      );
      expect(running).toHaveLength(1);
      const leader = elections.find((e) => e.status().leader)!;
      const firstLeader = running[0];
      await leader.stop();
      await waitUntil('a standby to take over', () => running.length > 0 && running[0] !== firstLeader);
      expect(running).toHaveLength(1);
      const rows = await leases.list();
      expect(rows).toEqual([expect.objectContaining({ holder: running[0], token: 2, live: true })]);
    } finally {
      await Promise.all(elections.map((e) => e.stop()));
    }
  });

  it('reports a leader as serving only once its work has started', async () => {
    let started!: () => void;
    const starting = new Promise<void>((resolve) => (started = resolve));
    const election = new LeaderElection({
      leases,
      name: 'audit-checkpointer',
      holder: 'a',
      ttlMs: 60_000, // no renewal falls due: the status seen is the start's alone
      onElected: () => starting,
      onDeposed: async () => undefined,
    });
    election.start();
    try {
      await waitUntil('the election to win the lease', () => election.status().leader);
      expect(election.status()).toMatchObject({ leader: true, serving: false });
      started();
      await waitUntil('the leader to report serving', () => election.status().serving);
      await election.stop();
      expect(election.status()).toMatchObject({ leader: false, serving: false });
    } finally {
      await election.stop();
    }
  });
});
