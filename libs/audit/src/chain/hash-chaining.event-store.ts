import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Revision,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { GENESIS_HASH, eventHash } from './hash-chain';

/** How often an 'any' append is re-chained after another writer moved the head (other processes only). */
const MAX_ANY_ATTEMPTS = 20;
/** Streams whose last-read event hash is remembered (least recently read dropped first). */
const KNOWN_HEADS = 1000;

/** The last event of a stream this decorator has read: what an append expecting that revision chains onto. */
export interface ChainHead {
  revision: Revision;
  /** Not a string on an event stored before hash chaining: the batch then chains onto the genesis hash. */
  hash: unknown;
}

/**
 * Decorates any EventStore adapter so every appended event carries `prevHash` and `hash` in its metadata.
 * It reads the stream head, chains the batch onto it and appends with that exact revision: a concurrent
 * writer then fails the store's revision check instead of forking the chain. Idempotent appends keep
 * working because the store looks at event ids before it checks revisions.
 */
export class HashChainingEventStore implements EventStore {
  private readonly tails = new Map<string, Promise<unknown>>();
  /**
   * Hash of the highest revision read per stream. A stored event never changes, so when an append expects
   * exactly that revision its hash is the one to chain onto, without reading the head again; if another
   * writer moved the head meanwhile, the store refuses the append on its revision check as before.
   */
  private readonly knownHeads = new Map<string, ChainHead>();

  constructor(readonly inner: EventStore) {}

  /** Wraps a store unless it already is one (two layers would only hash twice). */
  static wrap(store: EventStore): HashChainingEventStore {
    return store instanceof HashChainingEventStore ? store : new HashChainingEventStore(store);
  }

  append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult> {
    // Malformed input: let the adapter reject it with its own InvalidAppendError.
    const plain = isChainable(events) ? events.map(toPlainJson) : [null];
    if (plain.some((e) => e === null)) return this.inner.append(streamId, events, expectedRevision, options);
    return this.serialised(streamId, () =>
      this.chainAndAppend(streamId, plain as EventToAppend[], expectedRevision, options),
    );
  }

  private async chainAndAppend(
    streamId: string,
    plain: EventToAppend[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.headFor(streamId, expected);
      const current: Revision | 'no-stream' = head ? head.revision : 'no-stream';
      const chained = chain(streamId, plain, head);
      try {
        // 'any' becomes the head just read; an explicit expectation is passed on unchanged, so the
        // adapter reports mismatches (and recognises retries) exactly as it would without this decorator.
        return await this.inner.append(streamId, chained, expected === 'any' ? current : expected, options);
      } catch (error) {
        if (
          !(error instanceof WrongExpectedRevisionError) ||
          expected !== 'any' ||
          attempt >= MAX_ANY_ATTEMPTS
        )
          throw error;
      }
    }
  }

  /**
   * What an append expecting `expected` chains onto. 'no-stream' needs no read: the batch starts the chain,
   * and if the stream exists after all the store answers exactly as it would have (a retry by its event ids,
   * otherwise a wrong expected revision). A revision whose hash was read before needs no read either.
   */
  private async headFor(streamId: string, expected: ExpectedRevision): Promise<ChainHead | undefined> {
    if (expected === 'no-stream') return undefined;
    const known = this.knownHeads.get(streamId);
    if (known && known.revision === expected) return known;
    const [head] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return head && { revision: head.revision, hash: head.metadata.hash };
  }

  private remember(streamId: string, events: RecordedEvent[]): void {
    let last: RecordedEvent | undefined;
    for (const event of events) if (!last || event.revision > last.revision) last = event;
    if (!last || typeof last.metadata.hash !== 'string') return;
    const known = this.knownHeads.get(streamId);
    if (known && known.revision >= last.revision) return;
    // Re-inserted so the Map's order is least recently read first.
    this.knownHeads.delete(streamId);
    this.knownHeads.set(streamId, { revision: last.revision, hash: last.metadata.hash });
    if (this.knownHeads.size > KNOWN_HEADS) this.knownHeads.delete(this.knownHeads.keys().next().value!);
  }

  /** One append per stream at a time in this process, so local writers never race each other's head. */
  private serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(streamId, options);
    this.remember(streamId, events);
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Chains a batch onto the stream's head (undefined for a new stream). */
export function chain(
  streamId: string,
  events: EventToAppend[],
  head: ChainHead | undefined,
): EventToAppend[] {
  let revision = head ? head.revision : -1;
  let prevHash = head && typeof head.hash === 'string' ? head.hash : GENESIS_HASH;
  return events.map((event) => {
    revision += 1;
    const { hash: _h, prevHash: _p, ...rest } = event.metadata;
    const metadata = { ...rest, prevHash };
    const hash = eventHash({
      streamId,
      revision,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata,
    });
    prevHash = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

function isChainable(events: unknown): events is EventToAppend[] {
  return (
    Array.isArray(events) &&
    events.length > 0 &&
    events.every(
      (e) =>
        e &&
        typeof e === 'object' &&
        e.metadata !== null &&
        typeof e.metadata === 'object' &&
        !Array.isArray(e.metadata),
    )
  );
}

/**
 * What the adapter will store and give back is the JSON form of the event; hashing that same form keeps
 * the hash reproducible from what is read (a Date becomes a string, an undefined field disappears).
 * null when the event has no JSON form: the adapter then rejects it with its own error.
 */
function toPlainJson(event: EventToAppend): EventToAppend | null {
  try {
    if (event.data === undefined) return null;
    return {
      ...event,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: JSON.parse(JSON.stringify(event.metadata)),
    };
  } catch {
    return null;
  }
}
