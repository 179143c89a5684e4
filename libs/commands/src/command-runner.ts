import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  currentSchemaVersion,
  decide,
  projectStreamId,
  type ProjectCommand,
  type ProjectCommandData,
  type ProjectCommandType,
} from '@ledger/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@ledger/event-store';
import {
  APP_CONFIG,
  CLOCK,
  LEDGER_INSTANCE,
  METRICS,
  currentCorrelationId,
  isClustered,
  problem,
  type AppConfig,
  type Clock,
  type LedgerInstance,
  type LedgerMetrics,
} from '@ledger/platform';
import { READ_MODEL, type ReadModel } from '@ledger/read-model';
import { eventIdFor, newCommandId } from './command-ids';
import { metricLabelOf, type CommandOutcome } from './command-outcome';
import { commandSpec } from './command-table';
import { KeyedSerializer } from './keyed-serializer';
import { PrimaIdClaims, primaIdTaken } from './prima-id.claims';
import { releasePrimaId, reservePrimaId } from './prima-id.reservation';
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

/** How long a Prima ID check waits for the read model to apply what was stored before this process started. */
const PRIMA_ID_CATCH_UP_MS = 10_000;

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
  private readonly primaIds = new PrimaIdClaims();
  /** Settles once the read model holds every project stored before this process's first Prima ID check. */
  private readModelHoldsEarlierProjects?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: LedgerMetrics,
    @Inject(LEDGER_INSTANCE) private readonly instance: LedgerInstance,
    /** Present where the app runs a read model (standalone): used for the Prima ID uniqueness check. */
    @Optional() @Inject(READ_MODEL) private readonly readModel?: ReadModel,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
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
    const streamId = projectStreamId(data.projectId);
    const commandId = input.commandId ?? newCommandId();
    const decideAndAppend = () =>
      this.lanes.run(streamId, () => this.decideAndAppend(input, data, streamId, commandId));
    const primaId = spec.claimsPrimaId?.(data) ?? null;
    if (!primaId) return decideAndAppend();
    const earlier = () => this.primaIdTaken(primaId, data.projectId);
    // One process writes the embedded log: it serialises creates per Prima ID. Where several replicas
    // share the log, a reservation stream decides (an append with an expected revision).
    if (this.config === undefined || !isClustered(this.config)) {
      // The claims know the creates of this process only; the read model must vouch for every one before.
      const earlierCaughtUp = async () => (await this.readModelCaughtUp(), earlier());
      return this.primaIds.run(primaId, data.projectId, earlierCaughtUp, decideAndAppend);
    }
    const taken = await earlier();
    if (taken) return taken;
    const metadata = { actor: input.actor, commandId, commandType: input.type, schemaVersion: 1 };
    const reservation = await reservePrimaId(this.store, primaId, data.projectId, commandId, metadata);
    if (reservation.kind === 'taken') return primaIdTaken(primaId, reservation.holder);
    const outcome = await decideAndAppend();
    if (reservation.fresh && outcome.kind !== 'accepted' && outcome.kind !== 'replayed') {
      await releasePrimaId(this.store, primaId, commandId, reservation.revision, metadata);
    }
    return outcome;
  }

  /**
   * A first, cheap look in the read model (where it runs): it also knows Prima IDs of projects created
   * before reservation streams existed. It only sees what the projector applied, so the reservation (or,
   * on the embedded store, the per-process claims) is what makes two racing creates end as one 201, one 409.
   */
  private async primaIdTaken(primaId: string, projectId: string): Promise<CommandOutcome | null> {
    if (!this.readModel) return null;
    const holder = await this.readModel.projectIdByPrimaId(primaId);
    if (holder === null || holder === projectId) return null;
    return primaIdTaken(primaId, holder);
  }

  /**
   * Waits (once per process) until the read model has applied the store's head as it was at the first
   * Prima ID check, so a project created just before a restart and not yet projected is not missed. Refused
   * with 503 PROJECTION.BEHIND (nothing written; a retry waits again) if that takes too long.
   */
  private async readModelCaughtUp(): Promise<void> {
    const readModel = this.readModel;
    if (!readModel) return;
    this.readModelHoldsEarlierProjects ??= (async () => {
      const head = await this.store.headPosition();
      if (await readModel.waitForPosition(head, PRIMA_ID_CATCH_UP_MS)) return;
      this.readModelHoldsEarlierProjects = undefined;
      throw problem(
        'PROJECTION.BEHIND',
        `The read model has not yet applied the projects stored before this process started (position ${head}), ` +
          'so Prima ID uniqueness cannot be checked; nothing was written. Retry shortly.',
      );
    })();
    await this.readModelHoldsEarlierProjects;
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
        recordedAt: now,
      };
      // Each event is stamped with the stored shape it is written in, so readers know which upcasters apply.
      const events = decision.events.map((event, index) => ({
        eventId: eventIdFor(commandId, index, this.instance.id),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
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
