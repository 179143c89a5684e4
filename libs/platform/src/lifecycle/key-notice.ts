/**
 * API keys generated at this start, waiting to be shown once in the start banner (after the logs, where
 * they do not scroll away). A process that never prints a banner (a CLI) still shows them, on stderr
 * as it exits: only their digests are stored, so a key never shown would be lost.
 */
const pending = new Map<string, Record<string, string>>();
let exitHookInstalled = false;

const render = (dataDir: string, keys: Record<string, string>): string =>
  `Generated API keys (shown once; stored hashed in ${dataDir}/api-keys.json):\n` +
  Object.entries(keys)
    .map(([role, key]) => `  ${role.padEnd(9)} ${key}`)
    .join('\n');

export function announceGeneratedKeys(dataDir: string, keys: Record<string, string>): void {
  pending.set(dataDir, keys);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [dir, generated] of pending) process.stderr.write(`\n${render(dir, generated)}\n`);
    pending.clear();
  });
}

/** The notice for keys generated in this data directory, once (later calls return null). */
export function takeGeneratedKeyNotice(dataDir: string): string | null {
  const keys = pending.get(dataDir);
  if (!keys) return null;
  pending.delete(dataDir);
  return render(dataDir, keys);
}
