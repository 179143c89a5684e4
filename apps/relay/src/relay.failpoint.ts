/**
 * Crash injection for the crash-recovery test: `RELAY_FAILPOINT=kill-after-confirm:N` makes the process
 * SIGKILL itself right after the Nth broker confirm, before that confirm's checkpoint is stored — the
 * worst moment for at-least-once delivery. Unset in production.
 */
export interface RelayFailpoint {
  afterConfirm(confirmsSoFar: number): void;
}

export function failpointFromEnv(env: NodeJS.ProcessEnv = process.env): RelayFailpoint | null {
  const spec = env.RELAY_FAILPOINT;
  if (!spec) return null;
  const match = /^kill-after-confirm:(\d+)$/.exec(spec);
  if (!match)
    throw new Error(`RELAY_FAILPOINT: expected kill-after-confirm:<n>, got ${JSON.stringify(spec)}`);
  const n = Number(match[1]);
  return {
    afterConfirm(confirmsSoFar: number): void {
      if (confirmsSoFar >= n) process.kill(process.pid, 'SIGKILL');
    },
  };
}
