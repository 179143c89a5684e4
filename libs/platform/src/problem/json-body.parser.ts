import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, jsonDepth } from '../security/json-depth';
import { problem } from './problem.catalogue';
import type { ProblemException } from './problem.exception';

export const MAX_BODY_BYTES = 64 * 1024;

const unsupportedMediaType = (request: FastifyRequest): ProblemException =>
  problem(
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    `Send the body as application/json (got ${request.headers['content-type'] ?? 'no content type'}).`,
  );

/** The charset parameter of a content type, lower-cased, when there is one. */
const charsetOf = (contentType: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();

/**
 * The only body parsing of every app, replacing Fastify's own parsers so that each failure has its own
 * status and stable code: 415 for any other content type (or a non-UTF charset), 413 over 64 KB (Fastify's
 * body limit, see `bodyReadProblem`), 400 for malformed JSON and for nesting deeper than MAX_JSON_DEPTH.
 * Plain JSON.parse: `__proto__` keys stay ordinary own properties, which the domain's validation refuses.
 * An empty JSON body reads as `{}`.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
    (request, text, done) => {
      const charset = charsetOf(request.headers['content-type']);
      if (charset !== undefined && !charset.startsWith('utf-'))
        return done(problem('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Only UTF-8 JSON bodies are accepted.'));
      let body: unknown;
      try {
        body = text === '' ? {} : JSON.parse(text as string);
      } catch {
        return done(problem('REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.'));
      }
      // A 64 KB body of `[[[[…]]]]` is 32,000 levels deep and crashed recursive code (the idempotency
      // fingerprint) with a stack overflow, found by the HTTP fuzzer: refused before any handler walks it.
      if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
        return done(problem('REQUEST.TOO_DEEP', `JSON bodies may nest at most ${MAX_JSON_DEPTH} levels.`));
      done(null, body);
    },
  );
  fastify.addContentTypeParser('*', (request, _payload, done) => done(unsupportedMediaType(request)));
}

/** The problem for an error Fastify raised while reading a body (before our parser saw it), if it is one. */
export function bodyReadProblem(error: unknown): ProblemException | undefined {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('REQUEST.TOO_LARGE', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return problem('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('REQUEST.INVALID', 'The request body could not be read.');
    default:
      return undefined;
  }
}
