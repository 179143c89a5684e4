import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemException, problem } from '@ledger/platform';
import { READ_MODEL, type ReadModel } from '@ledger/read-model';
import type { Position } from '@ledger/event-store';

export const POSITION_HEADER = 'X-Projection-Position';
/** How long a request with minPosition waits for the projector (read-your-writes after a command). */
export const MIN_POSITION_WAIT_MS = 5000;

/** Read-your-writes support: wait for a position, and stamp responses with the position they reflect. */
@Injectable()
export class ProjectionPosition {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  /** Resolves once the read model reflects `minPosition`; 503 with Retry-After after 5 s. */
  async awaitMin(minPosition: Position | undefined): Promise<void> {
    if (minPosition === undefined) return;
    if (await this.readModel.waitForPosition(minPosition, MIN_POSITION_WAIT_MS)) return;
    const current = await this.readModel.checkpoint();
    throw problem(
      'PROJECTION.BEHIND',
      `The read model reflects position ${current}; position ${minPosition} was not reached within ${MIN_POSITION_WAIT_MS / 1000} s.`,
      { headers: { 'Retry-After': '1', [POSITION_HEADER]: String(current) } },
    );
  }

  stamp(res: FastifyReply, position: Position): void {
    res.header(POSITION_HEADER, String(position));
  }

  /** Problem responses carry the header too: the checkpoint at the time of the error. */
  async stampProblem(error: unknown): Promise<unknown> {
    if (error instanceof ProblemException && error.headers[POSITION_HEADER] === undefined) {
      error.headers[POSITION_HEADER] = String(await this.readModel.checkpoint().catch(() => 0));
    }
    return error;
  }
}
