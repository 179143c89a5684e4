import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AppendExpectedRevision,
  AppendResult,
  EventData,
  Filter,
  Position,
} from '@eventstore/db-client';

type Stored = AllStreamRecordedEvent;
type ReadPosition = 'start' | 'end' | Position;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Test double of the EventStoreDB client surface the adapter uses, written from the server's documented
 * behaviour: positions are byte offsets (gapped, commit = prepare per event), $all carries system events,
 * reads of $all start AT the given position, a missing stream throws StreamNotFoundError while iterating,
 * and a failed revision check throws WrongExpectedVersionError. It tests the adapter's logic without a
 * server; `eventstoredb.event-store.int-spec.ts` runs the same contract against a real one.
 */
export class ScriptedEsdbClient {
  private readonly log: Stored[] = [];
  private offset = 1_000_000n;
  private readonly live = new Set<{ sink: PassThrough; after: bigint; filter?: Filter }>();

  constructor(
    private readonly systemEventEvery = 3,
    /** As with `throwOnAppendFailure=false` in a connection string: conflicts come back as `success: false`. */
    private readonly throwOnAppendFailure = true,
  ) {
    this.write('$stats-127.0.0.1:2113', '$statsCollected', {});
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ): Promise<AppendResult> {
    for (const event of events) if (!UUID.test(event.id)) throw new Error(`${event.id} is not a UUID`);
    const current = this.head(streamName);
    const expected = options.expectedRevision ?? 'any';
    const ok =
      expected === 'any' || (expected === 'no_stream' ? current === 'no_stream' : expected === current);
    if (!ok && !this.throwOnAppendFailure) {
      return {
        success: false,
        nextExpectedRevision: current === 'no_stream' ? -1n : current,
        position: undefined,
      };
    }
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    const written = events.map((e) => this.write(streamName, e.type, e.data, e.metadata, e.id));
    if (this.log.length % this.systemEventEvery === 0)
      this.write('$stats-127.0.0.1:2113', '$statsCollected', {});
    // The server reports one position for the whole batch; report the first so the adapter must not trust it.
    return {
      success: true,
      nextExpectedRevision: written[written.length - 1].revision,
      position: written[0].position,
    };
  }

  readStream(
    streamName: string,
    options: { direction?: string; fromRevision?: bigint | 'start' | 'end'; maxCount?: number } = {},
  ) {
    const log = this.log;
    return (async function* () {
      let events = log.filter((e) => e.streamId === streamName);
      if (events.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const from = options.fromRevision ?? (options.direction === 'backwards' ? 'end' : 'start');
      if (options.direction === 'backwards') {
        events = events.reverse().filter((e) => from === 'end' || from === 'start' || e.revision <= from);
      } else {
        events = events.filter((e) => from === 'start' || from === 'end' || e.revision >= from);
      }
      for (const event of events.slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER)) yield { event };
    })();
  }

  readAll(options: { fromPosition?: ReadPosition; direction?: string; maxCount?: number } = {}) {
    const log = this.log;
    return (async function* () {
      const from = options.fromPosition ?? 'start';
      const events =
        options.direction === 'backwards'
          ? [...log]
              .reverse()
              .filter((e) => from === 'end' || (from !== 'start' && e.position.commit < from.commit))
          : log.filter((e) => from === 'start' || (from !== 'end' && e.position.commit >= from.commit));
      for (const event of events.slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER)) yield { event };
    })();
  }

  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter } = {}) {
    const from = options.fromPosition ?? 'start';
    const entry = {
      sink: new PassThrough({ objectMode: true }),
      after: from === 'start' ? -1n : from === 'end' ? this.offset : from.commit,
      filter: options.filter,
    };
    this.live.add(entry);
    // Delivered from the resume position inclusive: the adapter must drop the repeat itself.
    setImmediate(() =>
      this.log.filter((e) => e.position.commit >= entry.after).forEach((e) => this.deliver(entry, e)),
    );
    return Object.assign(entry.sink, {
      unsubscribe: async () => {
        this.live.delete(entry);
        entry.sink.end();
      },
    });
  }

  /** Drops every live subscription the way a lost connection does. */
  dropSubscriptions(): void {
    for (const entry of [...this.live]) {
      this.live.delete(entry);
      entry.sink.emit(
        'error',
        new UnavailableError({ code: 14, message: '14 UNAVAILABLE: connection reset' } as never),
      );
    }
  }

  get liveSubscriptions(): number {
    return this.live.size;
  }

  async dispose(): Promise<void> {
    for (const entry of this.live) entry.sink.end();
    this.live.clear();
  }

  private head(streamName: string): bigint | 'no_stream' {
    const events = this.log.filter((e) => e.streamId === streamName);
    return events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
  }

  private write(
    streamId: string,
    type: string,
    data: unknown,
    metadata?: unknown,
    id: string = randomUUID(),
  ): Stored {
    const head = this.head(streamId);
    const position = { commit: this.offset, prepare: this.offset };
    const event = {
      streamId,
      id,
      isJson: true,
      revision: head === 'no_stream' ? 0n : head + 1n,
      type,
      created: new Date(),
      data: JSON.parse(JSON.stringify(data ?? null)),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      position,
    } as Stored;
    this.offset += BigInt(120 + JSON.stringify(data ?? null).length);
    this.log.push(event);
    for (const entry of this.live) setImmediate(() => this.deliver(entry, event));
    return event;
  }

  private deliver(entry: { sink: PassThrough; filter?: Filter }, event: Stored): void {
    if (!this.live.has(entry as never) || !passes(entry.filter, event)) return;
    entry.sink.write({ event });
  }
}

function passes(filter: Filter | undefined, event: Stored): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter
    ? filter.prefixes.some((p) => subject.startsWith(p))
    : new RegExp(filter.regex).test(subject);
}
