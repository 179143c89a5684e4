import { startLedger } from '../support/standalone-harness';
import { concretePath, mountedRoutes, routeKey } from './support/routes';

/**
 * Probes, docs and the web console's static files take no parameters and ignore them by design
 * (docs/security.md, Input handling): they are pages and files, not API routes.
 */
const EXEMPT = /^\/(health|metrics|docs|console)(\/|$)|^\/audit\/public-key$/;

describe('strict query parameters on every route', () => {
  it('an unknown query parameter is a 400 naming it, on every mounted API route', async () => {
    const ledger = await startLedger();
    try {
      const routes = mountedRoutes(ledger.app).filter((route) => !EXEMPT.test(route.path));
      expect(routes.length).toBeGreaterThan(10);
      const lax: string[] = [];
      for (const route of routes) {
        const response = await fetch(`${ledger.baseUrl}${concretePath(route.path)}?staus=active`, {
          method: route.method,
          headers: {
            authorization: 'Bearer admin-dev-key',
            ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          body: route.method === 'POST' ? '{}' : undefined,
          signal: AbortSignal.timeout(15_000),
        });
        const text = response.headers.get('content-type')?.includes('json')
          ? await response.text()
          : (await response.body?.cancel(), '');
        if (response.status !== 400 || !text.includes('staus'))
          lax.push(`${routeKey(route)}: ${response.status} ${text.slice(0, 120)}`);
      }
      console.log(
        `strict query: ${routes.length} routes probed with an unknown parameter, ${lax.length} accepted it`,
      );
      expect(lax).toEqual([]);
    } finally {
      await ledger.stop();
    }
  }, 60_000);
});
