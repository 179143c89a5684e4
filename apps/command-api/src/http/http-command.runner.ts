import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  type IdempotencyStore,
  type StoredResponse,
} from '../idempotency/idempotency.store';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { parseIfMatch, parseIdempotencyKey } from './command-headers';

/** HTTP concerns of a command: headers in (If-Match, Idempotency-Key, X-Correlation-Id) and out (ETag, Location). */
@Injectable()
export class HttpCommandRunner {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    type: ProjectCommandType,
    projectId: string | null,
    principal: Principal,
    request: FastifyRequest,
    response: FastifyReply,
  ): Promise<CommandResult> {
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    const expectedRevision = parseIfMatch(request.headers['if-match']);
    // Only a keyed request can be replayed, so only it pays for hashing its body.
    const fingerprint = key ? requestFingerprint(request.method, pathOf(request), request.body) : '';

    if (key) {
      const stored = await this.idempotency.get(principal.actor, key);
      if (stored && stored.fingerprint !== fingerprint) throw keyReused();
      if (stored) {
        for (const [name, value] of Object.entries(stored.headers)) response.header(name, value);
        response.header('Idempotent-Replayed', 'true');
        response.status(stored.status);
        return stored.body as CommandResult;
      }
    }

    if (!key)
      return (await this.execute(type, projectId, principal, request, response, expectedRevision, undefined))
        .body;
    // Keyed requests still running are marked (in the shared store, in a cluster): the stored response
    // exists only once the first one finishes, so without the marker a different request sent meanwhile
    // with the same key would find the first command's events by its command id and get its success.
    if (!(await this.idempotency.begin(principal.actor, key, fingerprint))) throw keyReused();
    try {
      const result = await this.execute(type, projectId, principal, request, response, expectedRevision, key);
      // Stored before the marker is released, so a later different request meets the stored fingerprint.
      await this.idempotency.put(principal.actor, key, { fingerprint, ...result.stored }, this.clock.now());
      return result.body;
    } finally {
      await this.idempotency.end(principal.actor, key, fingerprint);
    }
  }

  private async execute(
    type: ProjectCommandType,
    projectId: string | null,
    principal: Principal,
    request: FastifyRequest,
    response: FastifyReply,
    expectedRevision: number | undefined,
    key: string | undefined,
  ): Promise<{ body: CommandResult; stored: Omit<StoredResponse, 'fingerprint'> }> {
    const correlationId = currentCorrelationId() ?? acceptCorrelationId(request.headers['x-correlation-id']);
    const outcome = await this.commands.execute({
      type,
      projectId,
      body: withPathParams(request),
      actor: principal.actor,
      correlationId,
      commandId: key ? commandIdFromKey(principal.actor, key) : undefined,
      expectedRevision,
    });
    if (isRefused(outcome)) throw outcomeProblem(outcome);
    // A replay found in the stream answers as the first time did: the stream, not this process, remembers.
    const { result } = outcome;
    const { status } = PROJECT_COMMANDS[type].http;
    const headers: Record<string, string> = { ETag: `"${result.revision}"` };
    if (status === 201) headers.Location = `/projects/${encodeURIComponent(result.projectId)}`;
    for (const [name, value] of Object.entries(headers)) response.header(name, value);
    response.status(status);
    return { body: result, stored: { status, headers, body: result } };
  }
}

/**
 * A command addressed below its project (`/transactions/:ref/reversal`, `/participating-orgs/:orgId`)
 * takes that id from the path, into its body, where the domain's validation checks it like any field. A
 * body naming a different one is refused rather than silently overruled.
 */
function withPathParams(request: FastifyRequest): unknown {
  const params = Object.entries((request.params as Record<string, string> | undefined) ?? {}).filter(
    ([name]) => name !== 'id',
  );
  const body: unknown = request.body;
  if (params.length === 0 || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  for (const [name, value] of params) {
    const given = (body as Record<string, unknown>)[name];
    if (Object.prototype.hasOwnProperty.call(body, name) && given !== value)
      throw problem('VALIDATION.FAILED', `${name} in the body differs from the one in the path (${value}).`, {
        errors: [{ field: name, code: 'INVALID_COMBINATION', message: `${name} must match the path.` }],
      });
  }
  return { ...(body as Record<string, unknown>), ...Object.fromEntries(params) };
}

/** The request's path without its query string, as the client sent it. */
const pathOf = (request: FastifyRequest): string => request.url.split('?', 1)[0];

const keyReused = (): ProblemException =>
  problem('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
