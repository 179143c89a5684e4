import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  EventFilter,
  EventIdConflictError,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { ViewSubscription } from './view.subscription';

const REFRESH_PAGE = 5000;

/**
 * Test harness, never used in production: makes a shared, long-lived store look empty to one test, so the
 * contract suite (written for fresh SQLite files, with positions 1, 2, 3...) can run against a live
 * EventStoreDB that cannot be reset between tests.
 *
 * Streams get a per-view prefix, and positions are shown as ranks (1 = this view's first event) computed
 * from the store's own $all order. A real position that is not one of this view's events makes the call
 * fail, so a wrong position from the adapter still fails the contract rather than being renumbered away.
 */
export class NamespacedEventStoreView implements EventStore {
  /** Real positions of this view's events, ascending; complete up to `scannedTo`. */
  private readonly known: Position[] = [];
  private scannedTo: Position;
  private refreshing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly inner: EventStore,
    readonly namespace: string,
    private readonly base: Position,
  ) {
    this.scannedTo = base;
  }

  static async create(
    inner: EventStore,
    namespace = `t${randomUUID().replace(/-/g, '')}-`,
  ): Promise<NamespacedEventStoreView> {
    return new NamespacedEventStoreView(inner, namespace, await inner.headPosition());
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      const result = await this.inner.append(this.wrap(streamId), events, expected);
      return { ...result, position: await this.rank(result.position) };
    } catch (error) {
      throw this.unwrapError(error);
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.view(await this.inner.readStream(this.wrap(streamId), options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? START;
    const fromPosition = await this.real(from);
    if (fromPosition === undefined) return []; // after this view's last event: nothing yet
    return this.view(
      await this.inner.readAll({ ...options, fromPosition, filter: this.wrapFilter(options.filter) }),
    );
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const from = options.fromPosition ?? START;
    return new ViewSubscription(
      async () => {
        // A checkpoint beyond the events written so far: start at the last one and skip up to the checkpoint.
        await this.refresh();
        const fromPosition = (await this.real(Math.min(from, this.known.length)))!;
        return this.inner.subscribe({ fromPosition, filter: this.wrapFilter(options.filter) });
      },
      async (event) => {
        const viewed = await this.viewEvent(event);
        return viewed.position > from ? viewed : undefined;
      },
      () => this.closed,
    );
  }

  async headPosition(): Promise<Position> {
    await this.inner.headPosition(); // keeps the closed-store behaviour of the adapter
    await this.refresh();
    return this.known.length;
  }

  close(): Promise<void> {
    this.closed = true;
    return this.inner.close();
  }

  private wrap(streamId: string): string {
    // Invalid ids pass through untouched so the adapter's own validation still sees them.
    return typeof streamId === 'string' && streamId !== '' ? this.namespace + streamId : streamId;
  }

  private unwrap(streamId: string): string {
    return streamId.startsWith(this.namespace) ? streamId.slice(this.namespace.length) : streamId;
  }

  private wrapFilter(filter: EventFilter | undefined): EventFilter {
    const prefixes = filter?.streamPrefixes ?? [];
    return {
      ...filter,
      streamPrefixes: prefixes.length > 0 ? prefixes.map((p) => this.namespace + p) : [this.namespace],
    };
  }

  private unwrapError(error: unknown): unknown {
    if (error instanceof WrongExpectedRevisionError) {
      return new WrongExpectedRevisionError(this.unwrap(error.streamId), error.expected, error.actual);
    }
    if (error instanceof EventIdConflictError)
      return new EventIdConflictError(this.unwrap(error.streamId), error.storedEventIds);
    return error;
  }

  private async view(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for (const event of events) out.push(await this.viewEvent(event));
    return out;
  }

  private async viewEvent(event: RecordedEvent): Promise<RecordedEvent> {
    return { ...event, streamId: this.unwrap(event.streamId), position: await this.rank(event.position) };
  }

  /** The 1-based rank of a real position among this view's events. */
  private async rank(real: Position): Promise<Position> {
    let index = indexOf(this.known, real);
    if (index < 0 && real > this.scannedTo) {
      await this.refresh();
      index = indexOf(this.known, real);
    }
    if (index < 0) throw new Error(`position ${real} is not the position of any event in ${this.namespace}*`);
    return index + 1;
  }

  /** The real position of the view's rank-th event (0 = before its first event); undefined if not written yet. */
  private async real(rank: Position): Promise<Position | undefined> {
    if (rank === START) return this.base;
    if (rank > this.known.length) await this.refresh();
    return this.known[rank - 1];
  }

  /** Learns the positions of this view's events appended since the last refresh (serialised). */
  private refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      for (;;) {
        const page = await this.inner.readAll({
          fromPosition: this.scannedTo,
          filter: { streamPrefixes: [this.namespace] },
          limit: REFRESH_PAGE,
        });
        for (const event of page) this.known.push(event.position);
        if (page.length > 0) this.scannedTo = page[page.length - 1].position;
        if (page.length < REFRESH_PAGE) return;
      }
    });
    return this.refreshing;
  }
}

function indexOf(sorted: Position[], value: Position): number {
  let [low, high] = [0, sorted.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
