import { sql, type Kysely } from 'kysely';

/**
 * Drops a SQLite copy's secondary indexes and returns the statements that recreate them. Filling a
 * table and then building each index in one sorted pass is much cheaper than updating eight indexes of
 * `projects` on every row written. Primary keys (automatic indexes, no SQL of their own) stay: the
 * projector looks rows up by them while it builds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any read-model database
export async function dropSecondaryIndexes(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'index' and sql is not null order by name`.execute(db);
  for (const index of rows) await sql.raw(`drop index "${index.name}"`).execute(db);
  return rows.map((index) => index.sql);
}

/** Recreates indexes dropped by dropSecondaryIndexes, under their original names and definitions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any read-model database
export async function recreateIndexes(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
