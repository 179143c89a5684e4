/** What one timed loop of a peer did: stalls and failures are measured outcomes, not crashes of the bench. */
export interface PeerOutcome {
  perSecond: number;
  appends: number;
  failed: number;
  firstError?: string;
  /** Appends were still pending STALL_GRACE_MS after the end of the load phase. */
  stalled: boolean;
  seconds: number;
  /** The durability setting as the peer's own connection reports it (e.g. synchronous_commit=on). */
  durability: string;
}

export const STALL_GRACE_MS = 10_000;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * `clients` loops each appending one event to a new stream, the next when the last resolved, for `ms`.
 * Unlike our stores' loops it survives the contender: a failed append is counted and the loop goes on, and
 * when appends are still pending STALL_GRACE_MS after the deadline it reports what completed until then.
 */
export async function guardedLoop(
  clients: number,
  ms: number,
  append: (client: number, n: number) => Promise<unknown>,
): Promise<Omit<PeerOutcome, 'durability'>> {
  let appends = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = Date.now();
  const until = started + ms;
  const loops = Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; Date.now() < until; n++) {
        try {
          await append(client, n);
          appends += 1;
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
        }
      }
    }),
  );
  const stalled = await Promise.race([loops.then(() => false), sleep(ms + STALL_GRACE_MS).then(() => true)]);
  const seconds = (Date.now() - started) / 1000;
  return { perSecond: appends / seconds, appends, failed, firstError, stalled, seconds };
}

/** The outcome of a run that failed as a whole (its set-up, or its process died): nothing completed. */
export function failedRun(error: unknown, ms: number): PeerOutcome {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    perSecond: 0,
    appends: 0,
    failed: 0,
    firstError: why,
    stalled: false,
    seconds: ms / 1000,
    durability: '?',
  };
}

/** One repetition's outcome in words, e.g. "0 appends in 12.0 s (…), 3 failed (…), stalled". */
export function describeOutcome(o: PeerOutcome): string {
  const failed =
    o.failed > 0 ? `, ${o.failed} failed (${o.firstError})` : o.firstError ? `, ${o.firstError}` : '';
  const stalled = o.stalled ? ', stalled: appends still pending at the end' : '';
  return `${o.appends} appends in ${o.seconds.toFixed(1)} s (${o.durability})${failed}${stalled}`;
}
