import Decimal from 'decimal.js';
import type { Kysely } from 'kysely';
import { STATS_DIMENSIONS } from '../read-model.port';
import { applyStatsDelta, type StatsDelta } from '../projection/stats.projection';
import type { ProjectsTable, ReadModelDatabase } from '../schema/read-model.tables';

/**
 * Statistics deltas summed per bucket in memory, written once per batch: a batch of hundreds of events
 * touches each bucket once instead of once per event.
 */
export class StatsBuckets {
  private readonly buckets = new Map<string, Bucket>();

  add(delta: StatsDelta): void {
    this.bucket(delta.dimension, delta.key, delta.currency).add(delta.projects, new Decimal(delta.total));
  }

  /**
   * Counts a whole project row in (+1) or out (-1) of its buckets: what `statsDelta` computes, without
   * building and merging a delta per bucket (a bulk batch moves each project once, from its stored row
   * to its last one).
   */
  addRow(row: ProjectsTable, sign: 1 | -1): void {
    const amount = sign < 0 ? new Decimal(row.budgetAmount).negated() : new Decimal(row.budgetAmount);
    for (const dimension of STATS_DIMENSIONS)
      this.bucket(dimension, String(row[dimension]), row.budgetCurrency).add(sign, amount);
  }

  /** Writes the summed buckets; call before the checkpoint moves, in the same transaction. */
  async flush(db: Kysely<ReadModelDatabase>): Promise<void> {
    for (const bucket of this.buckets.values()) {
      if (bucket.projects === 0 && bucket.total.isZero()) continue;
      const delta: StatsDelta = { ...bucket.id, projects: bucket.projects, total: bucket.total.toFixed() };
      const match = { dimension: delta.dimension, key: delta.key, currency: delta.currency };
      const current = await db
        .selectFrom('projectStats')
        .selectAll()
        .where((eb) => eb.and(match))
        .executeTakeFirst();
      const next = applyStatsDelta(current && { ...current, projects: Number(current.projects) }, delta);
      if (!next) {
        await db
          .deleteFrom('projectStats')
          .where((eb) => eb.and(match))
          .execute();
      } else if (current) {
        await db
          .updateTable('projectStats')
          .set({ projects: next.projects, total: next.total })
          .where((eb) => eb.and(match))
          .execute();
      } else {
        await db.insertInto('projectStats').values(next).execute();
      }
    }
    this.buckets.clear();
  }

  private bucket(dimension: string, key: string, currency: string): Bucket {
    const id = `${dimension}\u0000${key}\u0000${currency}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new Bucket({ dimension, key, currency })));
    return bucket;
  }
}

/** A running sum kept as a Decimal: re-parsing a string total for every addition was a rebuild hot spot. */
class Bucket {
  projects = 0;
  total = new Decimal(0);

  constructor(readonly id: { dimension: string; key: string; currency: string }) {}

  /** `total` is signed: a project leaving the bucket brings its amount negated. */
  add(projects: number, total: Decimal): void {
    this.projects += projects;
    this.total = this.total.plus(total);
  }
}
