import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BODY_BYTES } from '../problem/json-body.parser';
import { problem } from '../problem/problem.catalogue';
import { sendProblem } from '../problem/problem.filter';
import { securityHeaders } from '../security/http-security';

/**
 * The HTTP server of every app: Fastify (through Nest's adapter), routing as the apps have always been
 * called: paths are case-insensitive and a trailing slash is ignored. A request target Fastify cannot
 * decode (a bad %-escape) is a 400 problem like any other bad input.
 */
export function createHttpAdapter(): FastifyAdapter {
  const setSecurityHeaders = securityHeaders();
  return new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 2048 },
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      setSecurityHeaders(request, reply);
      sendProblem(reply, problem('REQUEST.INVALID', 'The request URL could not be read.'), request.url);
    },
  });
}
