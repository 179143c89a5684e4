import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric the apps export, on one registry per app instance (not prom-client's global one, so several
 * apps in one process — as in tests — do not collide). Parts that own a figure (projector lag, relay
 * confirms) record into it or register a gauge that reads it on scrape.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands handled, by command type and outcome (accepted, rejected, invalid, conflict, error)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendSeconds = new Histogram({
    name: 'ledger_event_store_append_seconds',
    help: 'Time to durably append one command’s events',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledger_process_' });
  }

  /** A counter kept by its owner (e.g. the relay's confirms since start), read on each scrape. */
  counter(name: string, help: string, read: () => number): void {
    if (this.registry.getSingleMetric(name)) this.registry.removeSingleMetric(name);
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  /** A gauge read on each scrape, e.g. lag in positions computed from the store head and a checkpoint. */
  gauge(
    name: string,
    help: string,
    read: () => Promise<number> | number,
    labels: Record<string, string> = {},
  ): void {
    const labelNames = Object.keys(labels);
    const existing = this.registry.getSingleMetric(name);
    if (existing) this.registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.set(labels, await read());
      },
    });
  }
}
