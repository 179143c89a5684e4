import type { Kysely } from 'kysely';
import type { ReadModelDump } from '../read-model.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';

/** Columns that record when something happened to this copy rather than what the log says. */
const LOCAL_COLUMNS = new Set(['parkedAt', 'attempts']);

export const TABLE_KEYS: Record<keyof ReadModelDatabase, string[]> = {
  projects: ['projectId'],
  budgetRevisions: ['projectId', 'revisionNo'],
  projectMemberStates: ['projectId', 'memberState'],
  projectStats: ['dimension', 'key', 'currency'],
  checkpoints: ['name'],
  parkedEvents: ['position'],
  projectChanges: ['position'],
  projectTransactions: ['projectId', 'ref'],
};

/** Every table as plain rows in primary-key order, numbers normalised, so two copies compare field by field. */
export async function dumpTables(db: Kysely<ReadModelDatabase>): Promise<ReadModelDump> {
  const dump: ReadModelDump = {};
  for (const [table, keys] of Object.entries(TABLE_KEYS) as [keyof ReadModelDatabase, string[]][]) {
    let query = db.selectFrom(table).selectAll();
    for (const key of keys) query = query.orderBy(key as never);
    const rows = (await query.execute()) as Record<string, unknown>[];
    dump[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !LOCAL_COLUMNS.has(column))
          .map(([column, value]) => [column, typeof value === 'bigint' ? Number(value) : value]),
      ),
    );
  }
  return dump;
}
