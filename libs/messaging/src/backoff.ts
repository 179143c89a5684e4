export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
}

/** Exponential backoff with full jitter in [50%, 100%] of the step, so restarted clients do not stampede. */
export function backoffDelay(
  attempt: number,
  { initialMs = 200, maxMs = 10_000 }: BackoffOptions = {},
): number {
  const step = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

/** Resolves after `ms`, or early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
