import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ProblemFieldError } from '../problem/problem.exception';
import { PUBLIC_KEY } from '../auth/roles';
import { problem } from '../problem/problem.catalogue';

export const QUERY_PARAMS_KEY = 'ledger:query-params';

/**
 * The query parameters a route reads. Any other parameter, or one given twice, is a 400: a typo such as
 * `?staus=active` must not silently return everything.
 */
export const QueryParams = (...names: string[]) => SetMetadata(QUERY_PARAMS_KEY, names);

/**
 * Enforces @QueryParams. Commands (every non-GET route) take no query parameters unless they declare
 * some; GET routes without the decorator validate their own query (the query API does, with zod);
 * public probes are left alone.
 */
@Injectable()
export class StrictQueryGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(QUERY_PARAMS_KEY, targets);
    if (declared === undefined && request.method === 'GET') return true;
    const allowed = new Set(declared ?? []);
    const errors: ProblemFieldError[] = [];
    for (const [name, value] of Object.entries(
      (request.query as Record<string, unknown> | undefined) ?? {},
    )) {
      if (!allowed.has(name))
        errors.push({
          field: name,
          code: 'UNKNOWN',
          message: `Unknown query parameter ${JSON.stringify(name)}.`,
        });
      else if (typeof value !== 'string')
        errors.push({ field: name, code: 'REPEATED', message: `Give ${name} once.` });
    }
    if (errors.length === 0) return true;
    const expected = allowed.size
      ? `This route reads ${[...allowed].join(', ')}.`
      : 'This route takes no query parameters.';
    throw problem('QUERY.INVALID_PARAMETER', expected, { errors });
  }
}
