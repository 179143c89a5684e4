import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  decide,
  projectStreamId,
  type ProjectCommand,
  type ProjectCommandData,
  type ProjectCommandType,
} from '@ledger/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@ledger/event-store';
import { CLOCK, METRICS, currentCorrelationId, type Clock, type LedgerMetrics } from '@ledger/platform';
import { READ_MODEL, type ReadModel } from '@ledger/read-model';
import { eventIdFor, newCommandId } from './command-ids';
import { metricLabelOf, type CommandOutcome } from './command-outcome';
import { commandSpec } from './command-table';
import { KeyedSerializer } from './keyed-serializer';
import { ProjectStateCache } from './project-state.cache';

export interface CommandInput {
  type: ProjectCommandType;
  /** From the URL (or message); null for CreateProject, whose id is in the body. */
  projectId: string | null;
  /** Untrusted input: validated here, the same way for every channel. */
  body: unknown;
  /** Who sent it: from the API key or the channel's configuration, never from the body. */
  actor: string;
  correlationId?: string;
  causationId?: string;
  /** Same id ⇒ same command: a retry or redelivery is answered `replayed` and writes nothing. */
  commandId?: string;
  /** If-Match: the revision the caller last saw. */
  expectedRevision?: number;
}

/** Races with another process lost in a row before the command gives up with `conflict`. */
const MAX_ATTEMPTS = 5;

/**
 * The one command path: validate → fold the stream (cached by revision: only new events are read) → decide
 * → append with the revision read.
 * Commands on one project are serialised in this process; a race with another process is caught by the
 * store's expected-revision check: without If-Match it is retried on fresh state, with If-Match it is stale.
 * Every refusal is an outcome value; only a failure of the store itself is thrown.
 */
@Injectable()
export class CommandRunner {
  private readonly lanes = new KeyedSerializer();
  private readonly states = new ProjectStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: LedgerMetrics,
    /** Present where the app runs a read model (standalone): used for the Prima ID uniqueness check. */
    @Optional() @Inject(READ_MODEL) private readonly readModel?: ReadModel,
  ) {}

  async execute(input: CommandInput): Promise<CommandOutcome> {
    try {
      const outcome = await this.run(input);
      this.metrics.commands.inc({ type: input.type, outcome: metricLabelOf(outcome) });
      return outcome;
    } catch (error) {
      this.metrics.commands.inc({ type: input.type, outcome: 'error' });
      throw error;
    }
  }

  private async run<T extends ProjectCommandType>(
    input: CommandInput & { type: T },
  ): Promise<CommandOutcome> {
    const spec = commandSpec(input.type);
    const parsed = spec.parse(input.projectId, input.body);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const data = parsed.value;
    if (spec.uniquePrimaId) {
      const taken = await this.primaIdTaken(data as { projectId: string; primaId?: string | null });
      if (taken) return taken;
    }
    const streamId = projectStreamId(data.projectId);
    const commandId = input.commandId ?? newCommandId();
    return this.lanes.run(streamId, () => this.decideAndAppend(input, data, streamId, commandId));
  }

  /**
   * Prima IDs are unique among projects (a read-model check, as the domain rules say): it sees what the
   * projector has applied, so two creates racing with the same new Prima ID can both pass.
   */
  private async primaIdTaken(data: { projectId: string; primaId?: string | null }) {
    if (!data.primaId || !this.readModel) return null;
    const holder = await this.readModel.projectIdByPrimaId(data.primaId);
    if (holder === null || holder === data.projectId) return null;
    return {
      kind: 'rejected',
      code: 'PROJECT.PRIMA_ID_TAKEN',
      message: `Prima ID ${data.primaId} already belongs to project ${holder}; a Prima ID identifies one project.`,
    } satisfies CommandOutcome;
  }

  private async decideAndAppend<T extends ProjectCommandType>(
    input: CommandInput & { type: T },
    data: ProjectCommandData<T>,
    streamId: string,
    commandId: string,
  ): Promise<CommandOutcome> {
    const { projectId } = data;
    const spec = commandSpec(input.type);
    for (let attempt = 1; ; attempt++) {
      const current = await this.states.current(this.store, streamId, projectId);
      if (spec.checkStream) {
        // Rules over the events themselves (a correction's target) still need the whole stream.
        const refused = spec.checkStream(await this.store.readStream(streamId), data);
        if (refused) return refused;
      }
      const earlier = current.commands.get(commandId);
      if (earlier) return { kind: 'replayed', result: earlier };
      const revision = current.revision;
      if (input.expectedRevision !== undefined && input.expectedRevision !== revision)
        return stale(projectId, input.expectedRevision, revision);
      const now = this.clock.now().toISOString();
      const command = { type: input.type, data, now } as ProjectCommand;
      const decision = decide(command, current.state);
      if (!decision.ok) {
        const { code, message } = decision.rejection;
        return code === 'PROJECT.NOT_FOUND'
          ? { kind: 'not-found', projectId, message }
          : { kind: 'rejected', code, message };
      }
      const metadata = {
        actor: input.actor,
        correlationId: input.correlationId ?? currentCorrelationId() ?? commandId,
        causationId: input.causationId ?? commandId,
        commandId,
        commandType: input.type,
        schemaVersion: 1,
        recordedAt: now,
      };
      const events = decision.events.map((event, index) => ({
        eventId: eventIdFor(commandId, index),
        type: event.type,
        data: event.data,
        metadata,
      }));
      try {
        const timer = this.metrics.appendSeconds.startTimer();
        const appended = await this.store
          .append(streamId, events, revision < 0 ? 'no-stream' : revision)
          .finally(timer);
        return {
          kind: 'accepted',
          result: { projectId, revision: appended.nextExpectedRevision, position: appended.position },
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const latest = await this.states.current(this.store, streamId, projectId);
        const raced = latest.commands.get(commandId);
        if (raced) return { kind: 'replayed', result: raced };
        if (input.expectedRevision !== undefined)
          return stale(projectId, input.expectedRevision, latest.revision);
        if (attempt >= MAX_ATTEMPTS) return { kind: 'conflict', projectId };
      }
    }
  }
}

const stale = (projectId: string, expectedRevision: number, currentRevision: number): CommandOutcome => ({
  kind: 'stale',
  projectId,
  expectedRevision,
  currentRevision,
});
