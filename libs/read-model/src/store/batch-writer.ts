import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@ledger/event-store';
import { projectEvent } from '../projection/project.projection';
import { applyStatsDelta, statsDelta, type StatsDelta } from '../projection/stats.projection';
import type { ProjectsTable, ReadModelDatabase } from '../schema/read-model.tables';
import Decimal from 'decimal.js';

/**
 * Writes the events of one batch inside its transaction. Project rows are cached and statistics are
 * summed in memory for the whole batch and written once at the end (`flushStats`): a catch-up batch of
 * hundreds of events touches each statistics bucket once instead of once per event.
 */
export class BatchWriter {
  private readonly projects = new Map<string, ProjectsTable | null>();
  private readonly stats = new Map<string, StatsDelta>();

  constructor(private readonly db: Kysely<ReadModelDatabase>) {}

  /**
   * Writes everything one event changes except statistics. Returns `record`, to call once the event's
   * savepoint is released: a rolled-back (parked) event must leave the caches untouched.
   */
  async apply(event: RecordedEvent): Promise<() => void> {
    const db = this.db;
    const projectId = event.streamId.replace(/^project-/, '');
    const before = await this.current(projectId);
    const effect = projectEvent(before, event);

    if (before) {
      await db.updateTable('projects').set(effect.after).where('projectId', '=', projectId).execute();
    } else {
      await db.insertInto('projects').values(effect.after).execute();
    }
    if (effect.budgetRevision) await db.insertInto('budgetRevisions').values(effect.budgetRevision).execute();
    if (effect.memberStates) {
      await db.deleteFrom('projectMemberStates').where('projectId', '=', projectId).execute();
      if (effect.memberStates.length > 0) await db.insertInto('projectMemberStates').values(effect.memberStates).execute();
    }
    await db.insertInto('projectChanges').values(effect.change).execute();

    const deltas = statsDelta(before, effect.after);
    return () => {
      this.projects.set(projectId, effect.after);
      for (const delta of deltas) this.addDelta(delta);
    };
  }

  /** Writes the batch's summed statistics; call before the checkpoint moves, in the same transaction. */
  async flushStats(): Promise<void> {
    const db = this.db;
    for (const delta of this.stats.values()) {
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
    this.stats.clear();
  }

  private async current(projectId: string): Promise<ProjectsTable | null> {
    if (this.projects.has(projectId)) return this.projects.get(projectId) ?? null;
    const found = await this.db.selectFrom('projects').selectAll().where('projectId', '=', projectId).executeTakeFirst();
    return found ? { ...found, lastPosition: Number(found.lastPosition) } : null;
  }

  private addDelta(delta: StatsDelta): void {
    const id = `${delta.dimension}\u0000${delta.key}\u0000${delta.currency}`;
    const seen = this.stats.get(id);
    this.stats.set(
      id,
      seen ? { ...seen, projects: seen.projects + delta.projects, total: new Decimal(seen.total).plus(delta.total).toFixed() } : delta,
    );
  }
}
