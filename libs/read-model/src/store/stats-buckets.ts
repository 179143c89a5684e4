import Decimal from 'decimal.js';
import type { Kysely } from 'kysely';
import { applyStatsDelta, type StatsDelta } from '../projection/stats.projection';
import type { ReadModelDatabase } from '../schema/read-model.tables';

/**
 * Statistics deltas summed per bucket in memory, written once per batch: a batch of hundreds of events
 * touches each bucket once instead of once per event.
 */
export class StatsBuckets {
  private readonly buckets = new Map<string, StatsDelta>();

  add(delta: StatsDelta): void {
    const id = `${delta.dimension}\u0000${delta.key}\u0000${delta.currency}`;
    const seen = this.buckets.get(id);
    this.buckets.set(
      id,
      seen ? { ...seen, projects: seen.projects + delta.projects, total: new Decimal(seen.total).plus(delta.total).toFixed() } : delta,
    );
  }

  /** Writes the summed buckets; call before the checkpoint moves, in the same transaction. */
  async flush(db: Kysely<ReadModelDatabase>): Promise<void> {
    for (const delta of this.buckets.values()) {
      if (delta.projects === 0 && new Decimal(delta.total).isZero()) continue;
      const match = { dimension: delta.dimension, key: delta.key, currency: delta.currency };
      const current = await db.selectFrom('projectStats').selectAll().where((eb) => eb.and(match)).executeTakeFirst();
      const next = applyStatsDelta(current && { ...current, projects: Number(current.projects) }, delta);
      if (!next) {
        await db.deleteFrom('projectStats').where((eb) => eb.and(match)).execute();
      } else if (current) {
        await db.updateTable('projectStats').set({ projects: next.projects, total: next.total }).where((eb) => eb.and(match)).execute();
      } else {
        await db.insertInto('projectStats').values(next).execute();
      }
    }
    this.buckets.clear();
  }
}
