import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A weak validator of a body, in the form Express gave every response: `W/"<length>-<sha1>"`. */
export function weakETag(body: string | Buffer): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha1').update(bytes).digest('base64').substring(0, 27);
  return `W/"${bytes.length.toString(16)}-${hash}"`;
}

/** The client's copy is current: If-None-Match names this ETag (weakly) or `*`, and no `no-cache` asks. */
function fresh(request: FastifyRequest, etag: string): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (!ifNoneMatch || /(?:^|,)\s*no-cache\s*(?:,|$)/.test(request.headers['cache-control'] ?? ''))
    return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Every buffered response gets an ETag unless its route set one, and a GET or HEAD whose If-None-Match
 * still matches is answered 304 without a body: the conditional requests the apps have always answered
 * (Express did it by default), so browsers and clients revalidate lists and statistics cheaply.
 * Streams (files, exports, live updates) are left alone.
 */
export function answerConditionalGets(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const etag = (reply.getHeader('etag') as string | undefined) ?? weakETag(payload);
    reply.header('ETag', etag);
    const status = reply.statusCode;
    const cacheable = (status >= 200 && status < 300) || status === 304;
    if (cacheable && (request.method === 'GET' || request.method === 'HEAD') && fresh(request, etag)) {
      reply.code(304);
      return done(null, '');
    }
    done(null, payload);
  });
}
