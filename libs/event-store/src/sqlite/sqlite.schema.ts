import type Database from 'better-sqlite3';

/** Bump and add a step to MIGRATIONS whenever the file layout changes; PRAGMA user_version records it. */
export const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE events (
      position  INTEGER PRIMARY KEY,
      stream_id TEXT    NOT NULL,
      revision  INTEGER NOT NULL CHECK (revision >= 0),
      event_id  TEXT    NOT NULL,
      type      TEXT    NOT NULL,
      data      TEXT    NOT NULL CHECK (json_valid(data)),
      metadata  TEXT    NOT NULL CHECK (json_valid(metadata)),
      UNIQUE (stream_id, revision),
      UNIQUE (stream_id, event_id)
    ) STRICT;
  `,
};

export interface SqlitePragmas {
  busyTimeoutMs: number;
}

/** Settings every connection needs (they are per connection, not stored in the file, except WAL). */
export function applyPragmas(db: Database.Database, { busyTimeoutMs }: SqlitePragmas): void {
  // busy_timeout first: switching to WAL needs a lock that another process may briefly hold.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged append survives power loss, which WAL's default NORMAL does not promise.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Brings the file to SCHEMA_VERSION; IMMEDIATE so two processes opening a new file do not both migrate. */
export function migrate(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `Event store file has schema version ${current}; this code knows up to ${SCHEMA_VERSION}`,
      );
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version}`);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
