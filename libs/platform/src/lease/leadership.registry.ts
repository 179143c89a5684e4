import { Inject, Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HealthRegistry } from '../health/health.registry';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { METRICS } from '../metrics/metrics.controller';
import { isClustered, leasesFor } from './cluster-leases';
import type { LeaderElection } from './leader-election';
import type { LeaseRow, PostgresLeases } from './postgres.leases';

/**
 * Leadership in /health/ready and /metrics: the roles this process stands for (leader or standby), and,
 * in a cluster, every role's current holder and token as the lease table shows them (token − 1 = changes
 * of leader since the lease was created), so any replica can tell who leads what.
 */
@Injectable()
export class LeadershipRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly elections = new Set<LeaderElection>();
  private readonly table: PostgresLeases | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(METRICS) private readonly metrics?: LedgerMetrics,
  ) {
    this.table = isClustered(config) ? leasesFor(config, 'read-model') : null;
  }

  register(election: LeaderElection): void {
    this.elections.add(election);
  }

  async leases(): Promise<LeaseRow[]> {
    return this.table ? this.table.list() : [];
  }

  onModuleInit(): void {
    const local = () => [...this.elections].map((e) => e.status());
    if (this.table) {
      // A standby is ready too: readiness reports leadership, it does not depend on it.
      this.health?.register('leadership', async () => ({
        up: true,
        local: local(),
        leases: await this.leases(),
      }));
    }
    const registry = this.metrics?.registry;
    if (!registry) return;
    const leases = () => this.leases();
    new Gauge({
      name: 'ledger_lease_leader',
      help: 'Whether this process is the active writer of a role (1) or a standby (0)',
      labelNames: ['role'],
      registers: [registry],
      collect() {
        this.reset();
        for (const s of local()) this.set({ role: s.name }, s.leader ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ledger_lease_elections_total',
      help: 'Terms of a role this process won since it started',
      labelNames: ['role'],
      registers: [registry],
      collect() {
        this.reset();
        for (const s of local()) this.set({ role: s.name }, s.elections);
      },
    });
    new Gauge({
      name: 'ledger_lease_takeover_seconds',
      help: 'How long this process waited as standby before its latest election',
      labelNames: ['role'],
      registers: [registry],
      collect() {
        this.reset();
        for (const s of local())
          if (s.lastTakeoverMs !== null) this.set({ role: s.name }, s.lastTakeoverMs / 1000);
      },
    });
    new Gauge({
      name: 'ledger_lease_token',
      help: 'Fencing token of each role in the lease table (grows by one at every change of leader)',
      labelNames: ['role'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await leases().catch(() => [])) this.set({ role: row.name }, row.token);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.table?.close();
  }
}
