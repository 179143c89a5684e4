import type { Kysely } from 'kysely';
import type { RecordedEvent } from '@ledger/event-store';
import { projectEvent } from '../projection/project.projection';
import { applyStatsDelta, statsDelta } from '../projection/stats.projection';
import type { ProjectsTable, ReadModelDatabase } from '../schema/read-model.tables';

/** Writes everything one event changes: the project row, its budget revision, member states, stats, change log. */
export async function applyEvent(db: Kysely<ReadModelDatabase>, event: RecordedEvent): Promise<void> {
  const projectId = event.streamId.replace(/^project-/, '');
  const found = await db.selectFrom('projects').selectAll().where('projectId', '=', projectId).executeTakeFirst();
  const before: ProjectsTable | null = found ? { ...found, lastPosition: Number(found.lastPosition) } : null;
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

  for (const delta of statsDelta(before, effect.after)) {
    const bucket = db
      .selectFrom('projectStats')
      .selectAll()
      .where('dimension', '=', delta.dimension)
      .where('key', '=', delta.key)
      .where('currency', '=', delta.currency);
    const current = await bucket.executeTakeFirst();
    const next = applyStatsDelta(current, delta);
    const match = { dimension: delta.dimension, key: delta.key, currency: delta.currency };
    if (!next) {
      await db.deleteFrom('projectStats').where((eb) => eb.and(match)).execute();
    } else if (current) {
      await db.updateTable('projectStats').set({ projects: next.projects, total: next.total }).where((eb) => eb.and(match)).execute();
    } else {
      await db.insertInto('projectStats').values(next).execute();
    }
  }
}
