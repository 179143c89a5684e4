import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory per test, so SQLite tests never share a file and can run in parallel. */
export async function tempDir(
  prefix = 'event-store-',
): Promise<{ dir: string; file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, file: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}
