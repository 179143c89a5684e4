import type { RecordedEvent } from '../event-store.port';
import { ChangeNotifier } from './change.notifier';
import { EventPage, PagedSubscription } from './paged.subscription';

/** A log held in an array, with the page reads counted, to see how far ahead the subscription reads. */
function arrayLog(size: number) {
  const log: RecordedEvent[] = Array.from({ length: size }, (_, i) => ({
    eventId: `e${i + 1}`,
    type: 'T',
    data: {},
    metadata: {},
    streamId: 's',
    revision: i,
    position: i + 1,
  }));
  const reads: number[] = [];
  const readPage = (after: number, limit: number): EventPage => {
    reads.push(after);
    const events = log.slice(after, after + limit);
    return { events, scannedTo: after + events.length };
  };
  return { log, reads, readPage };
}

/** Lets the event loop turn until `condition` holds; fails after `turns` turns (a wake-up that never came). */
async function turnsUntil(condition: () => boolean, turns = 1000): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error(`not woken within ${turns} event-loop turns`);
}

describe('PagedSubscription', () => {
  it('reads the next page only when the consumer has taken the current one (back-pressure)', async () => {
    const { reads, readPage } = arrayLog(10_000);
    const sub = new PagedSubscription({
      fromPosition: 0,
      pageSize: 100,
      readPage,
      notifier: new ChangeNotifier(),
      pollIntervalMs: null,
    });
    const it = sub[Symbol.asyncIterator]();
    for (let i = 0; i < 150; i++) await it.next();
    expect(reads).toEqual([0, 100]);
    await sub.close();
  });

  it('ends the iteration with the error a page read raised, and stays closed', async () => {
    const failure = new Error('disk gone');
    const sub = new PagedSubscription({
      fromPosition: 0,
      pageSize: 10,
      readPage: () => {
        throw failure;
      },
      notifier: new ChangeNotifier(),
      pollIntervalMs: null,
    });
    const it = sub[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toBe(failure);
    await expect(it.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('wakes on a notification instead of waiting for the poll interval', async () => {
    const { log, reads, readPage } = arrayLog(3);
    const visible = { upTo: 1 };
    const notifier = new ChangeNotifier();
    const sub = new PagedSubscription({
      fromPosition: 0,
      pageSize: 10,
      readPage: (after, limit) => {
        return readPage(after, Math.min(limit, visible.upTo - after));
      },
      notifier,
      pollIntervalMs: 60_000,
    });
    const it = sub[Symbol.asyncIterator]();
    expect((await it.next()).value).toBe(log[0]);
    let woken: IteratorResult<unknown> | undefined;
    void it.next().then((r) => (woken = r));
    // Counted in event-loop turns, not milliseconds, so a slow machine cannot tell the two wake-ups
    // apart: the poll is a minute away, a wake-up by notification takes a few turns.
    await turnsUntil(() => reads.length === 2); // the second read found nothing: idle now
    visible.upTo = 2;
    notifier.notify();
    await turnsUntil(() => woken !== undefined);
    expect(woken!.value).toBe(log[1]);
    await sub.close();
  });

  it('keeps order when next() is called again before the previous call settled', async () => {
    const { readPage } = arrayLog(5);
    const sub = new PagedSubscription({
      fromPosition: 2,
      pageSize: 2,
      readPage,
      notifier: new ChangeNotifier(),
      pollIntervalMs: null,
    });
    const it = sub[Symbol.asyncIterator]();
    const results = await Promise.all([it.next(), it.next(), it.next()]);
    expect(results.map((r) => r.value?.position)).toEqual([3, 4, 5]);
    await sub.close();
  });
});
