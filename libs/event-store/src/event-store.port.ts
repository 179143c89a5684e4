/**
 * The EventStore port: what every adapter (embedded SQLite, EventStoreDB) guarantees.
 * One contract test suite (event-store.contract.ts) runs against each adapter.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Global position of an event in the whole log: strictly increasing in commit order, comparable across
 * streams. The SQLite adapter's positions are 1, 2, 3, ... without gaps. 0 means "before the first event".
 */
export type Position = number;
export const START: Position = 0;

/** Per-stream revision: 0 for a stream's first event. */
export type Revision = number;

/** `any`: no check; `no-stream`: the stream must not exist; a number: the stream's last revision must be it. */
export type ExpectedRevision = 'any' | 'no-stream' | Revision;

export interface EventMetadata {
  actor?: string;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  schemaVersion?: number;
  /** ISO-8601 instant the event was recorded at (set by the writer). */
  recordedAt?: string;
  [key: string]: unknown;
}

export interface EventToAppend {
  /** UUID; appending an id already stored in the same stream is a no-op that returns the original result. */
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  streamId: string;
  revision: Revision;
  position: Position;
}

export interface AppendResult {
  /** Revision of the last event of the batch (the stream's new head). */
  nextExpectedRevision: Revision;
  /** Global position of the last event of the batch. */
  position: Position;
}

/**
 * `fromRevision`/`toRevision` are relative to the direction (both inclusive): forwards reads from
 * `fromRevision` (default 0) up to `toRevision` (default the head); backwards reads from `fromRevision`
 * (default the head) down to `toRevision` (default 0). `maxCount` caps the number returned (default all).
 */
export interface ReadStreamOptions {
  fromRevision?: Revision;
  /** Inclusive. */
  toRevision?: Revision;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

/** Both criteria must match. An absent or empty list means "no restriction on this criterion". */
export interface EventFilter {
  /** Only streams whose id starts with one of these (e.g. `project-`). */
  streamPrefixes?: string[];
  /** Only these event types. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default START. */
  fromPosition?: Position;
  filter?: EventFilter;
  /** Default 1000. */
  limit?: number;
}

export interface SubscribeOptions {
  /** Checkpoint: deliver events strictly after this position. Default START. */
  fromPosition?: Position;
  filter?: EventFilter;
}

/**
 * A catch-up subscription: delivers every stored event after `fromPosition`, then live events, in global
 * order, without gaps or repeats. Iterating ends after `close()`. Errors from the store end the
 * iteration with that error.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * A lease term a write is only valid under (fencing): the row `name` of `<leaseSchema>.leases` must still
 * carry `token`, unexpired, when the write commits. Checked in the same transaction by the PostgreSQL
 * adapter; the embedded adapters ignore it (one process per data directory owns the embedded store).
 */
export interface WriteFence {
  leaseSchema: string;
  name: string;
  token: number;
}

export interface AppendOptions {
  fence?: WriteFence;
}

export interface EventStore {
  append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Events of one stream; [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Position of the last stored event (START when empty). */
  headPosition(): Promise<Position>;
  close(): Promise<void>;
}

/** Raised when the stream's revision is not the expected one. HTTP maps it to 412 (If-Match) or 409. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no-stream'. */
    readonly actual: Revision | 'no-stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * Raised when a batch mixes event ids already stored in the stream with new ones: the caller is retrying
 * something other than what was stored, so neither "no-op" nor "append" would be honest. Nothing is written.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_STORE.EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    /** The ids of the batch that are already stored in the stream. */
    readonly storedEventIds: string[],
  ) {
    super(
      `Stream ${streamId}: batch mixes already stored event ids (${storedEventIds.join(', ')}) with new ones`,
    );
    this.name = 'EventIdConflictError';
  }
}

/** Raised for a malformed append (empty batch, blank ids or types, duplicate ids in one batch, non-JSON data). */
export class InvalidAppendError extends Error {
  readonly code = 'EVENT_STORE.INVALID_APPEND';
  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`Stream ${streamId}: invalid append: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

/** Raised by a fenced write whose lease term is no longer current: a deposed leader wrote nothing. */
export class LeaseLostError extends Error {
  readonly code = 'LEASE.LOST';
  constructor(readonly fence: Omit<WriteFence, 'leaseSchema'>) {
    super(`Lease ${fence.name} (token ${fence.token}) is no longer held: write refused`);
    this.name = 'LeaseLostError';
  }
}

/** Raised by any call made after `close()`. */
export class EventStoreClosedError extends Error {
  readonly code = 'EVENT_STORE.CLOSED';
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosedError';
  }
}
