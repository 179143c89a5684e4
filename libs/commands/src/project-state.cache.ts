import { evolve, initialState, toProjectEvent, type ProjectState } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { CommandResult } from './command-result';

/** What the command path needs of a stream: its head, its folded state and which commands it holds. */
export interface StreamState {
  /** Last revision read; -1 for a stream that does not exist yet. */
  readonly revision: number;
  readonly state: ProjectState;
  /** The result each command id in the stream had (its last event), for answering retries. */
  readonly commands: ReadonlyMap<string, CommandResult>;
}

const EMPTY: StreamState = { revision: -1, state: initialState, commands: new Map<string, CommandResult>() };

/**
 * Folded project state by revision, so a command on a long stream reads and folds only the events after the
 * revision it last saw instead of the whole stream. The store stays the truth: every use reads what was
 * appended since (by this process or any other), so a cached entry is never stale when a command decides;
 * a command that races another process still meets the store's expected-revision check. Least recently used
 * streams are dropped beyond `maxStreams`.
 */
export class ProjectStateCache {
  private readonly entries = new Map<string, StreamState>();

  constructor(private readonly maxStreams = 500) {}

  async current(store: EventStore, streamId: string, projectId: string): Promise<StreamState> {
    const cached = this.entries.get(streamId) ?? EMPTY;
    const fresh = await store.readStream(streamId, { fromRevision: cached.revision + 1 });
    let entry = cached;
    if (fresh.length > 0) {
      let state = cached.state;
      // Filled in place: only this stream's lane uses the entry, and a fold that throws leaves the revision
      // unchanged, so the same events are read and set again next time.
      const commands =
        cached === EMPTY ? new Map<string, CommandResult>() : (cached.commands as Map<string, CommandResult>);
      for (const event of fresh) {
        state = evolve(state, toProjectEvent(event));
        const commandId = event.metadata.commandId;
        if (typeof commandId === 'string')
          commands.set(commandId, { projectId, revision: event.revision, position: event.position });
      }
      entry = { revision: fresh[fresh.length - 1].revision, state, commands };
    }
    // Re-inserted so the Map's order is least recently used first.
    this.entries.delete(streamId);
    if (entry.revision >= 0) this.entries.set(streamId, entry);
    if (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
