import { decideAppend, validateAppend } from '../append.rules';
import { matchesFilter } from '../event-filter';
import {
  AppendResult,
  EventFilter,
  EventStore,
  EventStoreClosedError,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ChangeNotifier } from '../subscription/change.notifier';
import { EventPage, PagedSubscription } from '../subscription/paged.subscription';

const DEFAULT_READ_ALL_LIMIT = 1000;
const PAGE_SIZE = 500;

/**
 * The EventStore semantics held in memory, for fast unit tests of code above the port. Events go in through
 * JSON and are copied out, as a real store would serialise them, so a test cannot mutate history by accident.
 */
export class InMemoryEventStore implements EventStore {
  /** Index = position - 1. */
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly notifier = new ChangeNotifier();
  private readonly subscriptions = new Set<PagedSubscription>();
  private closed = false;

  async append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    const serialised = validateAppend(streamId, events, expectedRevision);
    const stream = this.streams.get(streamId) ?? [];
    const ids = new Set(events.map((e) => e.eventId));
    const stored = stream.filter((e) => ids.has(e.eventId));
    const current = stream.length === 0 ? 'no-stream' : stream.length - 1;
    const decision = decideAppend(streamId, events, expectedRevision, current, stored);
    if (decision.kind === 'duplicate') return decision.result;
    const recorded = events.map((event, i) => ({
      eventId: event.eventId,
      type: event.type,
      // Through JSON, like the SQLite adapter: what you read back is what JSON can carry.
      data: JSON.parse(serialised[i].data) as unknown,
      metadata: JSON.parse(serialised[i].metadata) as RecordedEvent['metadata'],
      streamId,
      revision: decision.firstRevision + i,
      position: this.log.length + i + 1,
    }));
    this.log.push(...recorded);
    this.streams.set(streamId, [...stream, ...recorded]);
    const last = recorded[recorded.length - 1];
    // Deferred like a real store's commit, so a subscriber never runs inside the appender's call stack.
    setImmediate(() => this.notifier.notify());
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const backwards = options.direction === 'backwards';
    const start = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const end = options.toRevision ?? (backwards ? 0 : Number.MAX_SAFE_INTEGER);
    const [low, high] = backwards ? [end, start] : [start, end];
    const inRange = stream.filter((e) => e.revision >= low && e.revision <= high);
    const ordered = backwards ? inRange.reverse() : inRange;
    return clone(ordered.slice(0, Math.max(0, options.maxCount ?? ordered.length)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    return clone(this.page(options.fromPosition ?? START, options.filter, limit).events);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription: PagedSubscription = new PagedSubscription({
      fromPosition: options.fromPosition ?? START,
      pageSize: PAGE_SIZE,
      notifier: this.notifier,
      pollIntervalMs: null,
      readPage: (after, limit) => {
        this.assertOpen();
        const page = this.page(after, options.filter, limit);
        return { events: clone(page.events), scannedTo: page.scannedTo };
      },
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  private page(after: Position, filter: EventFilter | undefined, limit: number): EventPage {
    const events: RecordedEvent[] = [];
    let scannedTo = Math.max(after, 0);
    for (let i = scannedTo; i < this.log.length && events.length < limit; i++) {
      scannedTo = i + 1;
      if (matchesFilter(this.log[i], filter)) events.push(this.log[i]);
    }
    return { events, scannedTo };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
