import { EventEmitter } from 'node:events';
import type { RecordedEvent } from '../event-store.port';
import { DroppableSource, ResubscribeOptions, ResubscribingSubscription } from './resubscribing.subscription';

/** Stands in for one server stream: the test pushes events and drops into it. */
class FakeSource extends EventEmitter implements DroppableSource<RecordedEvent> {
  paused = false;
  unsubscribed = false;
  constructor(readonly after: number) {
    super();
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  async unsubscribe() {
    this.unsubscribed = true;
  }
  push(...positions: number[]) {
    for (const position of positions) this.emit('data', event(position));
  }
}

class TransientError extends Error {}

function event(position: number): RecordedEvent {
  return {
    eventId: `e${position}`,
    type: 'ProjectStarted',
    data: {},
    metadata: {},
    streamId: 'project-A',
    revision: position,
    position,
  };
}

function subscribe(overrides: Partial<ResubscribeOptions<RecordedEvent>> = {}) {
  const sources: FakeSource[] = [];
  const subscription = new ResubscribingSubscription<RecordedEvent>({
    fromPosition: 0,
    open: (after) => {
      const source = new FakeSource(after);
      sources.push(source);
      return source;
    },
    toEvent: (raw) => raw,
    isTransient: (error) => error instanceof TransientError,
    baseDelayMs: 1,
    maxDelayMs: 5,
    ...overrides,
  });
  return { subscription, sources };
}

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const positions: number[] = [];
  while (positions.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    positions.push(next.value.position);
  }
  return positions;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ResubscribingSubscription', () => {
  it('re-opens from the last received position after a dropped connection, without gaps or repeats', async () => {
    const { subscription, sources } = subscribe({ fromPosition: 10 });
    sources[0].push(20, 30);
    sources[0].emit('error', new TransientError('connection reset'));
    await tick();
    expect(sources).toHaveLength(2);
    expect(sources[0].unsubscribed).toBe(true);
    expect(sources[1].after).toBe(30);
    // A server may resend the event at the resume position; the consumer must not see it twice.
    sources[1].push(30, 40);
    expect(await take(subscription, 3)).toEqual([20, 30, 40]);
    expect(subscription.reconnects).toBe(1);
    await subscription.close();
  });

  it('re-opens when the server ends the stream on its own', async () => {
    const { subscription, sources } = subscribe();
    sources[0].push(5);
    sources[0].emit('end');
    await tick();
    sources[1].push(6);
    expect(await take(subscription, 2)).toEqual([5, 6]);
    expect(sources[1].after).toBe(5);
    await subscription.close();
  });

  it('ignores events a dropped stream emits after it was abandoned', async () => {
    const { subscription, sources } = subscribe();
    sources[0].emit('error', new TransientError('gone'));
    sources[0].push(99);
    await tick();
    sources[1].push(1);
    expect(await take(subscription, 1)).toEqual([1]);
    await subscription.close();
  });

  it('delivers what it already received, then ends the iteration with a non-transient error', async () => {
    const { subscription, sources } = subscribe();
    sources[0].push(1, 2);
    sources[0].emit('error', new Error('access denied'));
    expect(await take(subscription, 2)).toEqual([1, 2]);
    await expect(subscription.next()).rejects.toThrow('access denied');
    expect(sources).toHaveLength(1);
    expect(await subscription.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects a waiting consumer when the error arrives while it waits', async () => {
    const { subscription, sources } = subscribe();
    const pending = subscription.next();
    sources[0].emit('error', new Error('stream deleted'));
    await expect(pending).rejects.toThrow('stream deleted');
  });

  it('gives up after maxAttempts consecutive failed re-opens', async () => {
    const { subscription, sources } = subscribe({ maxAttempts: 2 });
    const pending = subscription.next();
    sources[0].emit('error', new TransientError('down 1'));
    await tick();
    sources[1].emit('error', new TransientError('down 2'));
    await tick();
    sources[2].emit('error', new TransientError('down 3'));
    await expect(pending).rejects.toThrow('down 3');
    expect(sources).toHaveLength(3);
  });

  it('counts failures only while nothing arrives: a delivered event resets the budget', async () => {
    const { subscription, sources } = subscribe({ maxAttempts: 1 });
    sources[0].emit('error', new TransientError('blip 1'));
    await tick();
    sources[1].push(1);
    sources[1].emit('error', new TransientError('blip 2'));
    await tick();
    sources[2].push(2);
    expect(await take(subscription, 2)).toEqual([1, 2]);
    await subscription.close();
  });

  it('treats a failure to open as a drop', async () => {
    let calls = 0;
    const { subscription } = subscribe({
      open: () => {
        calls += 1;
        if (calls === 1) throw new TransientError('connection refused');
        const source = new FakeSource(0);
        setImmediate(() => source.push(7));
        return source;
      },
    });
    expect(await take(subscription, 1)).toEqual([7]);
    await subscription.close();
  });

  it('skips raw events the mapper rejects', async () => {
    const { subscription, sources } = subscribe({
      toEvent: (raw) => (raw.position % 2 === 0 ? raw : undefined),
    });
    sources[0].push(1, 2, 3, 4);
    expect(await take(subscription, 2)).toEqual([2, 4]);
    await subscription.close();
  });

  it('close() ends a waiting consumer, unsubscribes and stops retrying', async () => {
    const onClose = jest.fn();
    const { subscription, sources } = subscribe({ onClose });
    const pending = subscription.next();
    await subscription.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(sources[0].unsubscribed).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
    sources[0].emit('error', new TransientError('late'));
    await tick();
    expect(sources).toHaveLength(1);
  });

  it('ends a for-await loop when the consumer breaks out of it', async () => {
    const { subscription, sources } = subscribe();
    sources[0].push(1, 2, 3);
    const seen: number[] = [];
    for await (const e of subscription) {
      seen.push(e.position);
      if (e.position === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    expect(sources[0].unsubscribed).toBe(true);
  });

  it('pauses the server stream when the consumer falls behind and resumes once it catches up', async () => {
    const { subscription, sources } = subscribe({ highWaterMark: 4 });
    sources[0].push(1, 2, 3, 4);
    expect(sources[0].paused).toBe(true);
    expect(await take(subscription, 2)).toEqual([1, 2]);
    expect(sources[0].paused).toBe(false);
    await subscription.close();
  });
});
