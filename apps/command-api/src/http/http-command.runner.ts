import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProjectCommandType } from '@ledger/domain';
import {
  CommandRunner,
  PROJECT_COMMANDS,
  isRefused,
  commandIdFromKey,
  type CommandResult,
} from '@ledger/commands';
import {
  CLOCK,
  Clock,
  Principal,
  ProblemException,
  acceptCorrelationId,
  currentCorrelationId,
  problem,
} from '@ledger/platform';
import { outcomeProblem } from '../commands/outcome-problem';
import {
  IDEMPOTENCY_STORE,
  SqliteIdempotencyStore,
  type StoredResponse,
} from '../idempotency/idempotency.store';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { parseIfMatch, parseIdempotencyKey } from './command-headers';

/** HTTP concerns of a command: headers in (If-Match, Idempotency-Key, X-Correlation-Id) and out (ETag, Location). */
@Injectable()
export class HttpCommandRunner {
  /**
   * Keyed requests still running, per caller and key: the stored response exists only once the first one
   * finishes, so without this a different request sent meanwhile with the same key would find the first
   * command's events by its (key-derived) command id and be answered with the first one's success.
   */
  private readonly inFlight = new Map<string, { fingerprint: string; count: number }>();

  constructor(
    private readonly commands: CommandRunner,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: SqliteIdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    type: ProjectCommandType,
    projectId: string | null,
    principal: Principal,
    request: Request,
    response: Response,
  ): Promise<CommandResult> {
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    const expectedRevision = parseIfMatch(request.headers['if-match']);
    // Only a keyed request can be replayed, so only it pays for hashing its body.
    const fingerprint = key ? requestFingerprint(request.method, request.path, request.body) : '';

    if (key) {
      const stored = this.idempotency.get(principal.actor, key);
      if (stored && stored.fingerprint !== fingerprint) throw keyReused();
      if (stored) {
        for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
        response.setHeader('Idempotent-Replayed', 'true');
        response.status(stored.status);
        return stored.body as CommandResult;
      }
    }

    if (!key)
      return (await this.execute(type, projectId, principal, request, response, expectedRevision, undefined))
        .body;
    const slot = `${principal.actor}\n${key}`;
    const running = this.inFlight.get(slot);
    if (running && running.fingerprint !== fingerprint) throw keyReused();
    if (running) running.count += 1;
    else this.inFlight.set(slot, { fingerprint, count: 1 });
    try {
      const result = await this.execute(type, projectId, principal, request, response, expectedRevision, key);
      // Stored before the slot is released, so a later different request meets the stored fingerprint.
      this.idempotency.put(principal.actor, key, { fingerprint, ...result.stored }, this.clock.now());
      return result.body;
    } finally {
      const entry = this.inFlight.get(slot)!;
      if (--entry.count === 0) this.inFlight.delete(slot);
    }
  }

  private async execute(
    type: ProjectCommandType,
    projectId: string | null,
    principal: Principal,
    request: Request,
    response: Response,
    expectedRevision: number | undefined,
    key: string | undefined,
  ): Promise<{ body: CommandResult; stored: Omit<StoredResponse, 'fingerprint'> }> {
    const correlationId = currentCorrelationId() ?? acceptCorrelationId(request.headers['x-correlation-id']);
    const outcome = await this.commands.execute({
      type,
      projectId,
      body: request.body,
      actor: principal.actor,
      correlationId,
      commandId: key ? commandIdFromKey(principal.actor, key) : undefined,
      expectedRevision,
    });
    // A replay found in the stream answers as the first time did: the stream, not this process, remembers.
    if (isRefused(outcome)) throw outcomeProblem(outcome);
    const { result } = outcome;
    const { status } = PROJECT_COMMANDS[type].http;
    const headers: Record<string, string> = { ETag: `"${result.revision}"` };
    if (status === 201) headers.Location = `/projects/${encodeURIComponent(result.projectId)}`;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status);
    return { body: result, stored: { status, headers, body: result } };
  }
}

const keyReused = (): ProblemException =>
  problem('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
