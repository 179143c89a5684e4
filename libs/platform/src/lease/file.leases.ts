import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tryExclusiveFileLock, type ExclusiveFileLock } from '../lifecycle/exclusive-file.lock';
import type { LeaseBackend } from './leader-election';
import type { LeaseTerm } from './postgres.leases';

/**
 * Leases of the embedded store: one lock file per role in DATA_DIR/leases, held exclusively by the
 * leader's open connection. The operating system frees it the moment the holder exits or dies, so a
 * standby (another process on the same data directory, or another app in this one) takes over at its
 * next try. No fencing token is checked on writes: a paused leader still holds the lock, so nobody else
 * can have been elected meanwhile; the token only counts this process's terms.
 */
export class FileLeases implements LeaseBackend {
  private readonly held = new Map<string, ExclusiveFileLock>();
  private terms = 0;

  constructor(private readonly dataDir: string) {}

  async tryAcquire(name: string, holder: string): Promise<LeaseTerm | null> {
    const dir = join(this.dataDir, 'leases');
    mkdirSync(dir, { recursive: true });
    const lock = tryExclusiveFileLock(join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.lock`));
    if (!lock) return null;
    this.held.set(keyOf(name, holder), lock);
    this.terms += 1;
    return { name, holder, token: this.terms };
  }

  async renew(term: LeaseTerm): Promise<boolean> {
    return this.held.has(keyOf(term.name, term.holder));
  }

  async release(term: LeaseTerm): Promise<void> {
    const key = keyOf(term.name, term.holder);
    this.held.get(key)?.release();
    this.held.delete(key);
  }
}

const keyOf = (name: string, holder: string) => `${name}\n${holder}`;
