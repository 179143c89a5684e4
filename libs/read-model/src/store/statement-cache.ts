import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept prepared; the read model issues a few dozen shapes, bulk inserts a few more. */
const DEFAULT_MAX_STATEMENTS = 256;

/**
 * The better-sqlite3 database as Kysely's SqliteDialect sees it, with `prepare` memoised by SQL text.
 * Kysely's SqliteDriver prepares every statement anew (17 % of a rebuild's time before this); Kysely
 * compiles identical SQL for identical query shapes, so a Map keyed by the text reuses them.
 * A statement still iterating (a streamed select) is busy and cannot run twice: such a call gets a
 * fresh, uncached statement. When the cache is full the oldest entry goes (Map keeps insertion order).
 */
export function cachingDatabase(database: Database.Database, max = DEFAULT_MAX_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (cached) return statement;
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
      return statement;
    },
  };
}
