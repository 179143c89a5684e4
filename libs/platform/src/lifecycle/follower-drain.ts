import type { HealthRegistry } from '../health/health.registry';

/** The in-process followers of the log; each reports its `lag` (events behind the head) in its readiness check. */
export const FOLLOWERS = ['projector', 'relay'] as const;

export interface DrainOutcome {
  drained: boolean;
  /** Events each follower running here was still behind when the wait ended. */
  lags: Record<string, number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function lagsNow(health: HealthRegistry): Promise<Record<string, number | null>> {
  const lags: Record<string, number | null> = {};
  for (const [name, check] of health.entries()) {
    if (!(FOLLOWERS as readonly string[]).includes(name)) continue;
    try {
      const outcome = await check();
      lags[name] = typeof outcome.lag === 'number' ? outcome.lag : null;
    } catch {
      lags[name] = null;
    }
  }
  return lags;
}

/**
 * Waits until the projector and the relay running in this process have caught up with the head of the
 * log (their readiness checks report lag 0), or until the deadline. Uses the readiness checks so the
 * followers need no stop-specific code; a follower that is not running here is not waited for.
 */
export async function drainFollowers(
  health: HealthRegistry,
  deadline: number,
  pollMs = 50,
): Promise<DrainOutcome> {
  for (;;) {
    const lags = await lagsNow(health);
    const drained = Object.values(lags).every((lag) => lag === 0);
    if (drained || Date.now() + pollMs >= deadline) return { drained, lags };
    await sleep(pollMs);
  }
}
