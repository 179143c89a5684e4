import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tryExclusiveFileLock } from './exclusive-file.lock';
import { StartupCheckError } from './startup-check.error';

export const LOCK_FILE = 'instance.lock';
export const PID_FILE = 'instance.pid';

export interface DataDirLock {
  readonly dataDir: string;
  release(): void;
}

/**
 * How a process uses a data directory. `owner` (what `npm start` is) takes the directory for itself.
 * `follower` is the hook for roles that may share it by design (a standby that waits for a lease, a
 * read-only tool): they do not take the lock.
 */
export type DataDirRole = 'owner' | 'follower';

const holderPid = (dataDir: string): string => {
  try {
    return readFileSync(join(dataDir, PID_FILE), 'utf8').trim() || 'unknown';
  } catch {
    return 'unknown';
  }
};

/**
 * Takes the data directory for this process, or fails at once naming the process that holds it. The lock
 * is an exclusive SQLite (POSIX fcntl) lock on DATA_DIR/instance.lock, held by an open connection: the
 * operating system drops it when the holder exits or crashes, so a stale lock can never block a start.
 * The holder's PID is written beside it (instance.pid) only to name it in the message.
 */
export function lockDataDir(dataDir: string, role: DataDirRole = 'owner'): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  if (role === 'follower') return { dataDir, release: () => undefined };
  const lock = tryExclusiveFileLock(join(dataDir, LOCK_FILE));
  if (!lock) {
    throw new StartupCheckError(
      `DATA_DIR ${resolve(dataDir)} is in use by another ledger (PID ${holderPid(dataDir)}). ` +
        'Stop that process, or give this one another DATA_DIR.',
    );
  }
  writeFileSync(join(dataDir, PID_FILE), `${process.pid}\n`);
  return { dataDir, release: () => lock.release() };
}
