import { EventStoreDBClient, WrongExpectedVersionError } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, AppendResult as EsdbAppendResult } from '@eventstore/db-client';
import { decideAppend, validateAppend } from '../append.rules';
import {
  AppendResult,
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
import { isTransientError, toWrongExpectedRevisionError } from './eventstoredb.errors';
import { matchesFilter, toServerFilter } from './eventstoredb.filter';
import {
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEventData,
  toPortPosition,
  toRecordedEvent,
  toSafeNumber,
} from './eventstoredb.mapping';
import { findHeadPosition, readAllEvents, readStreamEvents } from './eventstoredb.reads';
import { DroppableSource, ResubscribingSubscription } from './resubscribing.subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`; ignored when `client` is given. */
  connectionString?: string;
  /** An existing client; the store then does not dispose it on close(). */
  client?: EventStoreDBClient;
  /** How many of a stream's latest events are searched for already stored event ids. Default 1000. */
  idempotencyWindow?: number;
  /** Events per read of $all. Default 500. */
  pageSize?: number;
  /** Re-open policy of dropped subscriptions. */
  reconnect?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

/** The EventStore port over an EventStoreDB node or cluster (gRPC, server 22.6 or later). */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly idempotencyWindow: number;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else if (options.connectionString) {
      this.client = EventStoreDBClient.connectionString(options.connectionString);
      this.ownsClient = true;
    } else {
      throw new Error('EventStoreDbEventStore needs a connectionString or a client');
    }
    this.idempotencyWindow = options.idempotencyWindow ?? 1000;
    this.pageSize = Math.max(2, options.pageSize ?? 500);
  }

  async append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expectedRevision);
    // The server dedupes retried ids only within its own window and only when the expected revision lines
    // up; checking the stream's recent ids first gives the port's "same id = no-op" rule in every case.
    const duplicate = await this.findDuplicate(streamId, events, expectedRevision);
    if (duplicate) return duplicate;
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
      // `throwOnAppendFailure=false` in the connection string reports the conflict instead of throwing it.
      if (!result.success) throw wrongVersionOf(streamId, expectedRevision, result);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Someone wrote between the check and the append: maybe this very batch (a concurrent retry).
      const raced = await this.findDuplicate(streamId, events, expectedRevision);
      if (raced) return raced;
      throw toWrongExpectedRevisionError(error, streamId, expectedRevision);
    }
    return this.toAppendResult(streamId, events.length, result);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readStreamEvents(this.client, streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readAllEvents(this.client, options, this.pageSize);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const { filter } = options;
    const serverFilter = toServerFilter(filter);
    const subscription: Subscription = new ResubscribingSubscription<AllStreamResolvedEvent>({
      ...this.options.reconnect,
      fromPosition: options.fromPosition ?? START,
      open: (after) =>
        this.client.subscribeToAll({
          fromPosition: toEsdbPosition(after),
          filter: serverFilter,
        }) as DroppableSource<AllStreamResolvedEvent>,
      toEvent: ({ event }) => (event && matchesFilter(event, filter) ? toRecordedEvent(event) : undefined),
      isTransient: isTransientError,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return findHeadPosition(this.client, this.pageSize);
  }

  /** Ends every subscription, then disposes the client if this store created it. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.ownsClient) await this.client.dispose();
  }

  private async findDuplicate(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | null> {
    const recent = await this.readStream(streamId, {
      direction: 'backwards',
      maxCount: this.idempotencyWindow,
    });
    const ids = new Set(events.map((e) => e.eventId));
    const stored = recent.filter((e) => ids.has(e.eventId));
    const current = recent[0]?.revision ?? 'no-stream';
    // Throws the port's WrongExpectedRevisionError / EventIdConflictError before anything is sent.
    const decision = decideAppend(streamId, events, expected, current, stored);
    return decision.kind === 'duplicate' ? decision.result : null;
  }

  private async toAppendResult(
    streamId: string,
    count: number,
    result: EsdbAppendResult,
  ): Promise<AppendResult> {
    const nextExpectedRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
    // A single-event append's reported position is that event's. For a batch, or when the server reports
    // none (it deduplicated the write itself), read the head event back to learn the last event's position.
    if (count === 1 && result.position && result.position.commit >= 0n) {
      return { nextExpectedRevision, position: toPortPosition(result.position) };
    }
    const [head] = await this.readStream(streamId, { fromRevision: nextExpectedRevision, maxCount: 1 });
    if (!head)
      throw new Error(
        `EventStoreDB append to ${streamId} reported revision ${nextExpectedRevision}, which cannot be read back`,
      );
    return { nextExpectedRevision, position: head.position };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function wrongVersionOf(
  streamName: string,
  expected: ExpectedRevision,
  result: EsdbAppendResult,
): WrongExpectedVersionError {
  const current = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
  return new WrongExpectedVersionError(undefined, {
    streamName,
    expected: toEsdbExpectedRevision(expected),
    current,
  });
}
