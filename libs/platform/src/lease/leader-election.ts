import type { LeaseTerm } from './postgres.leases';

/** What an election needs from a lease backend (PostgresLeases, or a fake in unit tests). */
export interface LeaseBackend {
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<LeaseTerm | null>;
  renew(term: LeaseTerm, ttlMs: number): Promise<boolean>;
  release(term: LeaseTerm): Promise<void>;
}

export interface LeaderElectionOptions {
  leases: LeaseBackend;
  /** Role name, one lease per name: `projector:projects`, `relay:projects.events`, `audit-checkpointer`. */
  name: string;
  holder: string;
  ttlMs: number;
  /** Starts the role's work; runs only while leader. */
  onElected(term: LeaseTerm): Promise<void>;
  /** Stops the work (lease lost, or stop()). Must not throw. */
  onDeposed(term: LeaseTerm): Promise<void>;
  log?(message: string): void;
}

export interface LeadershipStatus {
  name: string;
  leader: boolean;
  /** Leader and its work started (onElected has returned): what a test or an operator waits for. */
  serving: boolean;
  /**
   * Started, tried for the lease and lost: ready to take over. Not before the first try (the role may be
   * about to start), nor once stopped.
   */
  standby: boolean;
  token: number | null;
  /** Terms this process won. */
  elections: number;
  /** Terms this process lost without giving them up (expired or taken over). */
  losses: number;
  /** Milliseconds from the first failed attempt to this process's latest election (a takeover's wait). */
  lastTakeoverMs: number | null;
}

/**
 * One active writer per role: tries to take the lease every ttl/3, renews it every ttl/3 while leading,
 * and stops the work as soon as a renewal fails or the last good renewal is a whole TTL old (the lease may
 * be someone else's by then). Stopping late is safe anyway: every guarded write checks the token (fencing).
 */
export class LeaderElection {
  private term: LeaseTerm | null = null;
  private serving = false;
  private tried = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private tick: Promise<void> = Promise.resolve();
  private lastRenewal = 0;
  private waitingSince: number | null = null;
  private readonly counters = { elections: 0, losses: 0, lastTakeoverMs: null as number | null };

  constructor(private readonly options: LeaderElectionOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the work and releases the lease so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    const term = this.term;
    if (!term) return;
    this.term = null;
    this.serving = false;
    await this.options.onDeposed(term);
    await this.options.leases.release(term).catch(() => undefined);
  }

  status(): LeadershipStatus {
    return {
      name: this.options.name,
      leader: this.term !== null,
      serving: this.term !== null && this.serving,
      standby: !this.stopped && this.term === null && this.tried,
      token: this.term?.token ?? null,
      ...this.counters,
    };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.step().finally(() => this.schedule(Math.max(50, Math.floor(this.options.ttlMs / 3))));
    }, ms);
  }

  private async step(): Promise<void> {
    const { leases, name, holder, ttlMs } = this.options;
    if (this.term) {
      const term = this.term;
      // A renewal that hangs (the database cut off, its packets dropped) must not keep this process
      // leading past its term: it is given until the last good renewal is a TTL old (at least TTL/3).
      const left = Math.max(this.lastRenewal + ttlMs - Date.now(), ttlMs / 3);
      const renewed = await within(leases.renew(term, ttlMs), left).catch(() => null);
      if (renewed) this.lastRenewal = Date.now();
      // A failed query (database unreachable) is not proof of loss, but after a TTL without renewal the
      // lease may belong to someone else: stop then at the latest.
      if (renewed === false || Date.now() - this.lastRenewal >= ttlMs) await this.depose(term);
      return;
    }
    const started = Date.now();
    const term = await leases.tryAcquire(name, holder, ttlMs).catch(() => null);
    this.tried = true;
    if (!term) {
      this.waitingSince ??= started;
      return;
    }
    if (this.stopped) {
      await leases.release(term).catch(() => undefined);
      return;
    }
    this.term = term;
    this.lastRenewal = started;
    this.counters.elections += 1;
    this.counters.lastTakeoverMs = this.waitingSince === null ? null : Date.now() - this.waitingSince;
    this.waitingSince = null;
    this.options.log?.(`${name}: leader with token ${term.token} at ${new Date().toISOString()}`);
    try {
      await this.options.onElected(term);
      this.serving = this.term === term;
    } catch (error) {
      this.options.log?.(`${name}: could not start as leader: ${(error as Error).message}`);
      await this.depose(term);
      await leases.release(term).catch(() => undefined);
    }
  }

  private async depose(term: LeaseTerm): Promise<void> {
    this.term = null;
    this.serving = false;
    this.counters.losses += 1;
    this.options.log?.(
      `${this.options.name}: lost the lease (token ${term.token}) at ${new Date().toISOString()}; standing by`,
    );
    await this.options.onDeposed(term);
  }
}

/** The promise's value, or null once `ms` have passed without one (the promise itself runs on). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
