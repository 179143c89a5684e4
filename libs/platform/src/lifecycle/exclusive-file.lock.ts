import Database from 'better-sqlite3';

/** An exclusive lock on a file, held by an open SQLite connection until released or the process ends. */
export interface ExclusiveFileLock {
  release(): void;
}

// Referenced until released: a collected connection would close and silently drop the lock.
const held = new Set<Database.Database>();

/**
 * Takes an exclusive SQLite (POSIX fcntl) lock on `file`, or returns null at once when another connection
 * (in this process or another) holds it. The operating system drops the lock when the holder exits or
 * crashes, so a stale lock can never block anyone. `holderPid` is written into the file for messages.
 */
export function tryExclusiveFileLock(file: string): ExclusiveFileLock | null {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; EXCLUSIVE locking mode keeps it until the connection closes.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw error;
  }
  held.add(db);
  return {
    release: () => {
      held.delete(db);
      if (db.open) db.close();
    },
  };
}
