import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ProjectCommand,
  ProjectCommandType,
  ProjectEvent,
  decide,
  foldProject,
  parseCommandInput,
  projectStreamId,
} from '@ledger/domain';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError } from '@ledger/event-store';
import { READ_MODEL, type ReadModel } from '@ledger/read-model';
import {
  CLOCK,
  Clock,
  LedgerMetrics,
  METRICS,
  ProblemException,
  currentCorrelationId,
  LEDGER_INSTANCE,
  type LedgerInstance,
} from '@ledger/platform';
import { eventIdFor, newCommandId } from './command-ids';
import { KeyedSerializer } from './keyed-serializer';
import { rejectionProblem, revisionMismatchProblem, validationProblem } from './command-problems';
import type { CommandResult } from './command-result';

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
  /** Same id ⇒ same command: a retry or redelivery returns the first result and writes nothing. */
  commandId?: string;
  /** If-Match: the revision the caller last saw. */
  expectedRevision?: number;
}

const MAX_ATTEMPTS = 5;

/**
 * The one command path: validate → fold the stream → decide → append with the revision read.
 * Commands on one project are serialised in this process; a race with another process is caught by the
 * store's expected-revision check: without If-Match it is retried on fresh state, with If-Match it is a 412.
 */
@Injectable()
export class ProjectCommandService {
  private readonly lanes = new KeyedSerializer();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) private readonly metrics: LedgerMetrics,
    @Inject(LEDGER_INSTANCE) private readonly instance: LedgerInstance,
    /** Present where the app runs a read model (standalone): used for the Prima ID uniqueness check. */
    @Optional() @Inject(READ_MODEL) private readonly readModel?: ReadModel,
  ) {}

  async execute(input: CommandInput): Promise<CommandResult> {
    try {
      const result = await this.executeUnmeasured(input);
      this.metrics.commands.inc({ type: input.type, outcome: 'accepted' });
      return result;
    } catch (error) {
      this.metrics.commands.inc({ type: input.type, outcome: outcomeOf(error) });
      throw error;
    }
  }

  private async executeUnmeasured(input: CommandInput): Promise<CommandResult> {
    const parsed = parseCommandInput(input.type, input.projectId, input.body);
    if (!parsed.ok) throw validationProblem(parsed.errors);
    const projectId = (parsed.value as { projectId: string }).projectId;
    if (input.type === 'CreateProject')
      await this.assertPrimaIdFree(parsed.value as { primaId: string | null }, projectId);
    const streamId = projectStreamId(projectId);
    const commandId = input.commandId ?? newCommandId();
    return this.lanes.run(streamId, () =>
      this.decideAndAppend(input, parsed.value, projectId, streamId, commandId),
    );
  }

  /**
   * Prima IDs are unique among projects (a read-model check, as the domain rules say): it sees what the
   * projector has applied, so two creates racing with the same new Prima ID can both pass.
   */
  private async assertPrimaIdFree(data: { primaId: string | null }, projectId: string): Promise<void> {
    if (!data.primaId || !this.readModel) return;
    const holder = await this.readModel.projectIdByPrimaId(data.primaId);
    if (holder !== null && holder !== projectId) throw primaIdTaken(data.primaId, holder);
  }

  private async decideAndAppend(
    input: CommandInput,
    data: ProjectCommand['data'],
    projectId: string,
    streamId: string,
    commandId: string,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      const earlier = resultOfCommand(recorded, commandId, projectId);
      if (earlier) return earlier;
      const revision = recorded.length > 0 ? recorded[recorded.length - 1].revision : -1;
      if (input.expectedRevision !== undefined && input.expectedRevision !== revision) {
        throw revisionMismatchProblem(projectId, input.expectedRevision, revision);
      }
      const now = this.clock.now().toISOString();
      const command = { type: input.type, data, now } as ProjectCommand;
      const decision = decide(command, foldProject(recorded.map(toDomainEvent)));
      if (!decision.ok) throw rejectionProblem(decision.rejection);

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
        eventId: eventIdFor(commandId, index, this.instance.id),
        type: event.type,
        data: event.data,
        metadata,
      }));
      try {
        const timer = this.metrics.appendSeconds.startTimer();
        const appended = await this.store
          .append(streamId, events, revision < 0 ? 'no-stream' : revision)
          .finally(timer);
        return { projectId, revision: appended.nextExpectedRevision, position: appended.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const latest = await this.store.readStream(streamId);
        const raced = resultOfCommand(latest, commandId, projectId);
        if (raced) return raced;
        const actual = latest.length > 0 ? latest[latest.length - 1].revision : -1;
        if (input.expectedRevision !== undefined)
          throw revisionMismatchProblem(projectId, input.expectedRevision, actual);
        if (attempt >= MAX_ATTEMPTS) {
          throw new ProblemException({
            status: 409,
            code: 'PROJECT.CONCURRENCY_CONFLICT',
            title: 'Too many concurrent changes',
            detail: `Project ${projectId} kept changing while this command was decided; retry it.`,
          });
        }
      }
    }
  }
}

function primaIdTaken(primaId: string, holder: string): ProblemException {
  return new ProblemException({
    status: 409,
    code: 'PROJECT.PRIMA_ID_TAKEN',
    title: 'Prima ID already in use',
    detail: `Prima ID ${primaId} already belongs to project ${holder}; a Prima ID identifies one project.`,
  });
}

function outcomeOf(error: unknown): string {
  if (!(error instanceof ProblemException)) return 'error';
  const status = error.problem.status;
  return status === 400
    ? 'invalid'
    : status === 412 || error.problem.code === 'PROJECT.CONCURRENCY_CONFLICT'
      ? 'conflict'
      : 'rejected';
}

function toDomainEvent(recorded: RecordedEvent): ProjectEvent {
  return { type: recorded.type, data: recorded.data } as ProjectEvent;
}

/** The result a command already had, when its events are in the stream (a retry after a lost response). */
function resultOfCommand(
  recorded: RecordedEvent[],
  commandId: string,
  projectId: string,
): CommandResult | null {
  const own = recorded.filter((event) => event.metadata.commandId === commandId);
  if (own.length === 0) return null;
  const last = own[own.length - 1];
  return { projectId, revision: last.revision, position: last.position };
}
