import type { Position, RecordedEvent, Subscription } from '../event-store.port';
import type { ChangeNotifier } from './change.notifier';

/**
 * One page of the global log after a position. `scannedTo` is the position the read is complete up to,
 * which may be past the last returned event when a filter skipped events: the next read starts there,
 * so a filter that matches little does not rescan the same rows on every wake-up.
 */
export interface EventPage {
  events: RecordedEvent[];
  scannedTo: Position;
}

export interface PagedSubscriptionOptions {
  fromPosition: Position;
  pageSize: number;
  readPage(after: Position, limit: number): EventPage | Promise<EventPage>;
  notifier: ChangeNotifier;
  /** Re-read this often while idle to see appends by other processes; null = only in-process wake-ups. */
  pollIntervalMs: number | null;
  onClose?(): void;
}

/**
 * Catch-up then live subscription over a paged reader. At most one page is buffered and the next page is
 * read only when the consumer asks for more, so a slow consumer holds back reading (back-pressure).
 */
export class PagedSubscription implements Subscription, AsyncIterator<RecordedEvent> {
  private buffer: RecordedEvent[] = [];
  private cursor: Position;
  private closed = false;
  /** Set by wake-ups; cleared before each read, so a wake-up during a read is never lost. */
  private changed = false;
  private wake: (() => void) | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly unlisten: () => void;

  constructor(private readonly options: PagedSubscriptionOptions) {
    this.cursor = options.fromPosition;
    this.unlisten = options.notifier.listen(() => this.signal());
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    // Serialised so that calling next() twice without awaiting still yields events in order.
    const result = this.tail.then(() => this.step());
    this.tail = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return { value: undefined, done: true };
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.buffer = [];
      this.unlisten();
      this.signal();
      this.options.onClose?.();
    }
    return Promise.resolve();
  }

  private async step(): Promise<IteratorResult<RecordedEvent>> {
    while (!this.closed) {
      const event = this.buffer.shift();
      if (event) return { value: event, done: false };
      // Yield to the event loop between pages: a consumer that never does I/O would otherwise keep it busy
      // (no timers, no HTTP) for the whole catch-up of a long log.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.closed) break;
      this.changed = false;
      let page: EventPage;
      try {
        page = await this.options.readPage(this.cursor, this.options.pageSize);
      } catch (error) {
        await this.close();
        throw error;
      }
      if (this.closed) break;
      this.cursor = Math.max(this.cursor, page.scannedTo);
      if (page.events.length > 0) this.buffer = page.events;
      else await this.idle();
    }
    return { value: undefined, done: true };
  }

  private idle(): Promise<void> {
    if (this.changed || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const { pollIntervalMs } = this.options;
      const timer = pollIntervalMs === null ? undefined : setTimeout(() => this.signal(), pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private signal(): void {
    this.changed = true;
    this.wake?.();
  }
}
