import type { RecordedEvent } from '@ledger/event-store';

const pending = new WeakMap<AsyncIterator<RecordedEvent>, Promise<IteratorResult<RecordedEvent>>>();

/**
 * Collects up to `size` events: waits as long as needed for the first, then until `maxWaitMs` after the
 * first has arrived. Catch-up fills whole batches; under live traffic an event waits at most `maxWaitMs`
 * for its batch to close (a wait per further event would let steady traffic hold a batch open until it
 * is full: two seconds at 100 events/s). Returns null when the subscription has ended. A read still in
 * flight is kept for the next call.
 */
export async function nextBatch(
  iterator: AsyncIterator<RecordedEvent>,
  size: number,
  maxWaitMs: number,
): Promise<RecordedEvent[] | null> {
  const batch: RecordedEvent[] = [];
  let deadline: Deadline | null = null;
  try {
    while (batch.length < size) {
      const next = pending.get(iterator) ?? iterator.next();
      pending.set(iterator, next);
      const result = deadline ? await Promise.race([next, deadline.reached]) : await next;
      if (result === TIMEOUT) break;
      pending.delete(iterator);
      if (result.done) return batch.length > 0 ? batch : null;
      batch.push(result.value);
      deadline ??= startDeadline(maxWaitMs);
    }
    return batch;
  } finally {
    deadline?.cancel();
  }
}

const TIMEOUT = Symbol('timeout');

interface Deadline {
  reached: Promise<typeof TIMEOUT>;
  cancel(): void;
}

/** One timer per batch, not per event: a rebuild reads millions of events. */
function startDeadline(ms: number): Deadline {
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), ms);
  });
  return { reached, cancel: () => clearTimeout(timer) };
}
