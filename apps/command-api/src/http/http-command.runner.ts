import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProjectCommandType } from '@ledger/domain';
import {
  CLOCK,
  Clock,
  Principal,
  ProblemException,
  acceptCorrelationId,
  currentCorrelationId,
} from '@ledger/platform';
import { ProjectCommandService } from '../commands/project-command.service';
import { commandIdFromKey } from '../commands/command-ids';
import type { CommandResult } from '../commands/command-result';
import { IDEMPOTENCY_STORE, SqliteIdempotencyStore } from '../idempotency/idempotency.store';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { parseIfMatch, parseIdempotencyKey } from './command-headers';

/** HTTP concerns of a command: headers in (If-Match, Idempotency-Key, X-Correlation-Id) and out (ETag, Location). */
@Injectable()
export class HttpCommandRunner {
  constructor(
    private readonly commands: ProjectCommandService,
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
    const correlationId = currentCorrelationId() ?? acceptCorrelationId(request.headers['x-correlation-id']);
    // Only a keyed request can be replayed, so only it pays for hashing its body.
    const fingerprint = key ? requestFingerprint(request.method, request.path, request.body) : '';

    if (key) {
      const stored = this.idempotency.get(principal.actor, key);
      if (stored && stored.fingerprint !== fingerprint) {
        throw new ProblemException({
          status: 422,
          code: 'IDEMPOTENCY.KEY_REUSED',
          title: 'Idempotency key reused',
          detail: 'This Idempotency-Key was already used for a different request.',
        });
      }
      if (stored) {
        for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
        response.setHeader('Idempotent-Replayed', 'true');
        response.status(stored.status);
        return stored.body as CommandResult;
      }
    }

    const result = await this.commands.execute({
      type,
      projectId,
      body: request.body,
      actor: principal.actor,
      correlationId,
      commandId: key ? commandIdFromKey(principal.actor, key) : undefined,
      expectedRevision,
    });
    const status = type === 'CreateProject' ? 201 : 200;
    const headers: Record<string, string> = { ETag: `"${result.revision}"` };
    if (type === 'CreateProject') headers.Location = `/projects/${encodeURIComponent(result.projectId)}`;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status);
    if (key)
      this.idempotency.put(
        principal.actor,
        key,
        { fingerprint, status, headers, body: result },
        this.clock.now(),
      );
    return result;
  }
}
