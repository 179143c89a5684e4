import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@ledger/event-store';
import { projectEvent } from '../projection/project.projection';
import { applyReversal } from './transaction-rows';
import { statsDelta } from '../projection/stats.projection';
import type { ProjectsTable, ReadModelDatabase } from '../schema/read-model.tables';
import { StatsBuckets } from './stats-buckets';

/**
 * Writes one event at a time inside the batch's transaction, each under its caller's savepoint: the
 * careful path, used to find and park the poison event(s) of a batch the bulk writer could not write,
 * and to retry a parked event. Project rows are cached and statistics summed for the whole batch.
 */
export class BatchWriter {
  private readonly projects = new Map<string, ProjectsTable | null>();
  private readonly stats = new StatsBuckets();

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
      if (effect.memberStates.length > 0)
        await db.insertInto('projectMemberStates').values(effect.memberStates).execute();
    }
    await db.insertInto('projectChanges').values(effect.change).execute();
    if (effect.transaction) await db.insertInto('projectTransactions').values(effect.transaction).execute();
    if (effect.reversal) await applyReversal(db, effect.reversal);

    const deltas = statsDelta(before, effect.after);
    return () => {
      this.projects.set(projectId, effect.after);
      for (const delta of deltas) this.stats.add(delta);
    };
  }

  /** Writes the batch's summed statistics; call before the checkpoint moves, in the same transaction. */
  flushStats(): Promise<void> {
    return this.stats.flush(this.db);
  }

  private async current(projectId: string): Promise<ProjectsTable | null> {
    if (this.projects.has(projectId)) return this.projects.get(projectId) ?? null;
    const found = await this.db
      .selectFrom('projects')
      .selectAll()
      .where('projectId', '=', projectId)
      .executeTakeFirst();
    return found ? { ...found, lastPosition: Number(found.lastPosition) } : null;
  }
}
