import { fastify } from 'fastify';
import { request } from 'node:http';
import { answerConditionalGets, weakETag } from './conditional-get.hook';

describe('conditional GETs', () => {
  it('tags a body as Express did: W/"<length in hex>-<27 characters of its SHA-1>"', () => {
    expect(weakETag('hello world')).toBe('W/"b-Kq5sNclPz7QV2+lfQIuc6R7oRu0"');
  });

  it('answers 304 without a body when If-None-Match still matches, and leaves route ETags alone', async () => {
    const app = fastify();
    answerConditionalGets(app);
    app.get('/list', async () => ({ items: [1, 2] }));
    app.get('/own', async (_request, reply) => reply.header('ETag', '"7"').send({ revision: 7 }));
    app.post('/list', async () => ({ ok: true }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to any request with If-None-Match.
    const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      new Promise<{ statusCode: number; headers: { etag?: string }; body: string }>((resolve, reject) => {
        const call = request(base + url, { method, headers }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ statusCode: response.statusCode ?? 0, headers: { etag: response.headers.etag }, body }),
          );
        });
        call.on('error', reject);
        call.end();
      });
    try {
      const first = await get('/list');
      const etag = first.headers.etag as string;
      expect(etag).toBe(weakETag(first.body));
      const again = await get('/list', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const noCache = await get('/list', { 'if-none-match': etag, 'cache-control': 'no-cache' });
      expect(noCache.statusCode).toBe(200);
      const stale = await get('/list', { 'if-none-match': 'W/"x"' });
      expect(stale.statusCode).toBe(200);
      const own = await get('/own', { 'if-none-match': '"7"' });
      expect(own.statusCode).toBe(304);
      const post = await get('/list', { 'if-none-match': '*' }, 'POST');
      expect(post.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
