import type { Position, RecordedEvent, Subscription } from '../event-store.port';

/** The part of a live server subscription this class drives (the client's AllStreamSubscription fits). */
export interface DroppableSource<Raw> {
  on(event: 'data', listener: (raw: Raw) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

export interface ResubscribeOptions<Raw> {
  /** Deliver events strictly after this position. */
  fromPosition: Position;
  /** Opens a server subscription delivering events after `after` (exclusive). */
  open(after: Position): DroppableSource<Raw>;
  /** The event to deliver, or undefined to skip it (filtered out, system event). */
  toEvent(raw: Raw): RecordedEvent | undefined;
  /** Errors worth re-opening for; any other error ends the iteration with it. */
  isTransient(error: unknown): boolean;
  /** Consecutive failed (re)opens tolerated before giving up. Default 10. */
  maxAttempts?: number;
  /** First retry delay, doubled per consecutive failure up to maxDelayMs. Defaults 100 / 5000 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Events buffered before the server stream is paused (back-pressure). Default 256. */
  highWaterMark?: number;
  onClose?(): void;
}

type Waiter = { resolve(result: IteratorResult<RecordedEvent>): void; reject(error: unknown): void };

/**
 * A catch-up subscription that survives dropped connections: when the server stream fails with a transient
 * error (or ends on its own), it re-opens from the last event it received, and skips anything at or before
 * that position, so the consumer sees no gap and no repeat.
 */
export class ResubscribingSubscription<Raw> implements Subscription, AsyncIterator<RecordedEvent> {
  private readonly queue: RecordedEvent[] = [];
  private waiter: Waiter | null = null;
  private source: DroppableSource<Raw> | null = null;
  /** Bumped on every (re)open and on close, so late callbacks from an abandoned source are ignored. */
  private generation = 0;
  private lastPosition: Position;
  private failures = 0;
  private paused = false;
  private closed = false;
  private failure: { error: unknown } | null = null;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ResubscribeOptions<Raw>) {
    this.lastPosition = options.fromPosition;
    this.openSource();
  }

  /** How many times the server stream was re-opened after a drop (for logs and tests). */
  reconnects = 0;

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.queue.shift();
    if (event) {
      if (this.paused && this.queue.length <= this.highWaterMark / 2) {
        this.paused = false;
        this.source?.resume();
      }
      return Promise.resolve({ value: event, done: false });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return this.close().then(() => Promise.reject(error));
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.queue.length = 0;
    const source = this.source;
    this.source = null;
    this.settle({ value: undefined, done: true });
    this.options.onClose?.();
    await source?.unsubscribe().catch(() => undefined);
  }

  private get highWaterMark(): number {
    return this.options.highWaterMark ?? 256;
  }

  private openSource(): void {
    const generation = ++this.generation;
    let source: DroppableSource<Raw>;
    try {
      source = this.options.open(this.lastPosition);
    } catch (error) {
      this.dropped(error, generation);
      return;
    }
    this.source = source;
    this.paused = false;
    source.on('data', (raw) => generation === this.generation && this.receive(raw));
    source.on('error', (error) => this.dropped(error, generation));
    // A server stream that ends without close() was dropped by the server (shutdown, leader change).
    source.on('end', () => this.dropped(new Error('EventStoreDB ended the subscription'), generation, true));
  }

  private receive(raw: Raw): void {
    let event: RecordedEvent | undefined;
    try {
      event = this.options.toEvent(raw);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.failures = 0;
    if (!event || event.position <= this.lastPosition) return;
    this.lastPosition = event.position;
    if (this.waiter) {
      this.settle({ value: event, done: false });
      return;
    }
    this.queue.push(event);
    if (!this.paused && this.queue.length >= this.highWaterMark) {
      this.paused = true;
      this.source?.pause();
    }
  }

  private dropped(error: unknown, generation: number, endedByServer = false): void {
    if (generation !== this.generation || this.closed) return;
    const abandoned = this.source;
    this.source = null;
    this.generation += 1;
    void abandoned?.unsubscribe().catch(() => undefined);
    this.failures += 1;
    const maxAttempts = this.options.maxAttempts ?? 10;
    if ((!endedByServer && !this.options.isTransient(error)) || this.failures > maxAttempts) {
      this.fail(error);
      return;
    }
    const base = this.options.baseDelayMs ?? 100;
    const delay = Math.min(base * 2 ** (this.failures - 1), this.options.maxDelayMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.reconnects += 1;
      this.openSource();
    }, delay);
  }

  /** Ends the iteration with the error once the events already received have been delivered. */
  private fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = { error };
    const source = this.source;
    this.source = null;
    this.generation += 1;
    void source?.unsubscribe().catch(() => undefined);
    if (this.waiter && this.queue.length === 0) {
      const waiter = this.waiter;
      this.waiter = null;
      this.failure = null;
      void this.close().then(() => waiter.reject(error));
    }
  }

  private settle(result: IteratorResult<RecordedEvent>): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.resolve(result);
  }
}
