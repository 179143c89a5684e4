import type { RecordedEvent, Subscription } from '../../event-store.port';

/** A subscription opened asynchronously (the view must look positions up first) whose events are re-mapped. */
export class ViewSubscription implements Subscription, AsyncIterator<RecordedEvent> {
  private inner: Subscription | undefined;
  private iterator: AsyncIterator<RecordedEvent> | undefined;
  private closed = false;
  private readonly started: Promise<void>;

  constructor(
    open: () => Promise<Subscription>,
    /** The event as the view shows it, or undefined to skip it. */
    private readonly map: (event: RecordedEvent) => Promise<RecordedEvent | undefined>,
    private readonly storeClosed: () => boolean = () => false,
  ) {
    this.started = open().then(async (inner) => {
      if (this.closed) return inner.close();
      this.inner = inner;
      this.iterator = inner[Symbol.asyncIterator]();
    });
    this.started.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<RecordedEvent>> {
    await this.started;
    for (;;) {
      if (this.closed || !this.iterator) return { value: undefined, done: true };
      const result = await this.iterator.next();
      if (result.done) return result;
      let viewed: RecordedEvent | undefined;
      try {
        viewed = await this.map(result.value);
      } catch (error) {
        // Closing the store mid-mapping is an ordinary end, not a failure of the subscription.
        if (this.closed || this.storeClosed()) return { value: undefined, done: true };
        throw error;
      }
      if (viewed) return { value: viewed, done: false };
    }
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.started.catch(() => undefined);
    await this.inner?.close();
  }
}
