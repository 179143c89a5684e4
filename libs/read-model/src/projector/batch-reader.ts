import type { RecordedEvent } from '@ledger/event-store';

const pending = new WeakMap<AsyncIterator<RecordedEvent>, Promise<IteratorResult<RecordedEvent>>>();

/**
 * Collects up to `size` events: waits as long as needed for the first, then at most `maxWaitMs` for each
 * further one, so catch-up commits big batches and live traffic is committed promptly.
 * Returns null when the subscription has ended. A read still in flight is kept for the next call.
 */
export async function nextBatch(
  iterator: AsyncIterator<RecordedEvent>,
  size: number,
  maxWaitMs: number,
): Promise<RecordedEvent[] | null> {
  const batch: RecordedEvent[] = [];
  while (batch.length < size) {
    const next = pending.get(iterator) ?? iterator.next();
    pending.set(iterator, next);
    const result = batch.length === 0 ? await next : await within(next, maxWaitMs);
    if (result === 'timeout') break;
    pending.delete(iterator);
    if (result.done) return batch.length > 0 ? batch : null;
    batch.push(result.value);
  }
  return batch;
}

async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
