import type { LeaseRow, PostgresLeases } from '@ledger/platform';

/**
 * Polls the lease table every 100 ms: the rows as last seen, and every change of a lease's token with when
 * this test saw it (the fallback measure of a takeover when no election was logged).
 */
export class LeaseWatch {
  current: LeaseRow[] = [];
  readonly history: { lease: string; token: number; holder: string; seenAt: number }[] = [];
  private polling = true;
  private readonly loop: Promise<void>;

  constructor(leases: PostgresLeases) {
    this.loop = (async () => {
      while (this.polling) {
        const rows = await leases.list().catch(() => null);
        if (rows) this.record(rows);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
  }

  /** True when, for every prefix, a lease whose name starts with it is live. */
  allLive(prefixes: string[]): boolean {
    return prefixes.every((prefix) => this.current.some((l) => l.name.startsWith(prefix) && l.live));
  }

  /** When this test first saw `lease` with a token above `token`, if ever. */
  firstSeenAfter(lease: string, token: number): number | undefined {
    return this.history.find((h) => h.lease === lease && h.token > token)?.seenAt;
  }

  async stop(): Promise<void> {
    this.polling = false;
    await this.loop;
  }

  private record(rows: LeaseRow[]): void {
    this.current = rows;
    for (const row of rows) {
      const last = this.history.filter((h) => h.lease === row.name).at(-1);
      if (!last || last.token !== row.token)
        this.history.push({ lease: row.name, token: row.token, holder: row.holder, seenAt: Date.now() });
    }
  }
}
