import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent, Subscription } from '../event-store.port';

export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/** A fresh store per test, cleaned up after it, for suites that take an adapter factory. */
export function useStore(factory: EventStoreFactory): () => EventStore {
  let current: { store: EventStore; cleanup(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('store used outside a test');
    return current.store;
  };
}

export function anEvent(type = 'SomethingHappened', data: unknown = { n: 1 }): EventToAppend {
  return { eventId: randomUUID(), type, data, metadata: { actor: 'contract-test' } };
}

export function events(count: number, type = 'SomethingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent(type, { n }));
}

/** Drains a subscription in the background so a test can wait for what arrived, and see if it ended. */
export class SubscriptionProbe {
  readonly received: RecordedEvent[] = [];
  readonly ended: Promise<void>;
  error: unknown;
  private waiters: (() => void)[] = [];

  constructor(readonly subscription: Subscription) {
    this.ended = (async () => {
      try {
        for await (const event of subscription) {
          this.received.push(event);
          this.waiters.forEach((w) => w());
        }
      } catch (error) {
        this.error = error;
      }
    })();
  }

  /**
   * Resolves once `count` events arrived; rejects after `timeoutMs` naming what did arrive. The deadline
   * only turns a lost event into a clear failure: it is generous (as the AMQP kit's), because a loaded
   * CI machine, not the code, decides how long a delivery takes.
   */
  async waitFor(count: number, timeoutMs = 15_000): Promise<RecordedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return this.received.slice(0, count);
  }

  positions(): number[] {
    return this.received.map((e) => e.position);
  }
}

/** Resolves true if the promise settles within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(
    () => true,
    () => true,
  );
  const result = await Promise.race([settled, timeout]);
  clearTimeout(timer);
  return result;
}

export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it holds, failing with `what` after `timeoutMs`: a wait on an event, never a
 * guess at how long it takes (the deadline only turns a hang into a clear failure).
 */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
