import type { RecordedEvent } from '@ledger/event-store';
import { nextBatch } from './batch-reader';

/** An iterator fed by hand, so the test decides when each event "arrives". */
function feed() {
  const waiting: Array<(r: IteratorResult<RecordedEvent>) => void> = [];
  const queued: RecordedEvent[] = [];
  const iterator: AsyncIterator<RecordedEvent> = {
    next: () => {
      const event = queued.shift();
      if (event) return Promise.resolve({ done: false, value: event });
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
  const push = (position: number) => {
    const event = {
      position,
      eventId: `e${position}`,
      type: 'T',
      data: {},
      metadata: {},
      streamId: 's',
      revision: position,
    } as RecordedEvent;
    const resolve = waiting.shift();
    if (resolve) resolve({ done: false, value: event });
    else queued.push(event);
  };
  return { iterator, push };
}

describe('nextBatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('closes a batch maxWaitMs after its first event, even while events keep arriving', async () => {
    const { iterator, push } = feed();
    push(1);
    let batch: RecordedEvent[] | null = null;
    void nextBatch(iterator, 100, 20).then((b) => (batch = b));
    await jest.advanceTimersByTimeAsync(10);
    push(2);
    await jest.advanceTimersByTimeAsync(9);
    push(3);
    expect(batch).toBeNull();
    await jest.advanceTimersByTimeAsync(2);
    expect(batch!.map((e) => e.position)).toEqual([1, 2, 3]);
  });

  it('fills a whole batch at once when events are already there (catch-up)', async () => {
    const { iterator, push } = feed();
    for (let p = 1; p <= 7; p++) push(p);
    const batch = await nextBatch(iterator, 5, 20);
    expect(batch!.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    const rest = nextBatch(iterator, 5, 20);
    await jest.advanceTimersByTimeAsync(20);
    expect((await rest)!.map((e) => e.position)).toEqual([6, 7]);
  });

  it('keeps a read still in flight for the next batch (no event is lost)', async () => {
    const { iterator, push } = feed();
    push(1);
    const first = nextBatch(iterator, 10, 20);
    await jest.advanceTimersByTimeAsync(25);
    expect((await first)!.map((e) => e.position)).toEqual([1]);
    const second = nextBatch(iterator, 10, 20);
    push(2);
    await jest.advanceTimersByTimeAsync(25);
    expect((await second)!.map((e) => e.position)).toEqual([2]);
  });
});
