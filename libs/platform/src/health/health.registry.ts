import { Injectable } from '@nestjs/common';

export interface CheckOutcome {
  up: boolean;
  [detail: string]: unknown;
}

/** A readiness check: resolves with `up` and details; a throw or a time-out counts as down. */
export type ReadinessCheck = () => Promise<CheckOutcome>;

/**
 * Modules register what the app needs to be ready (event store, read-model database, broker, lags), so
 * /health/ready reports exactly the parts this process runs.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): Array<[string, ReadinessCheck]> {
    return [...this.checks.entries()];
  }
}
