import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PlatformModule, ROLES, Role, loadConfig } from '@ledger/platform';
import { CommandApiModule } from '../../apps/command-api/src';
import { configureHttp, createHttpAdapter } from '@ledger/platform';
import { startLedger } from '../support/standalone-harness';
import { TEST_API_KEYS, TEST_KEYS } from '../support/test-keys';
import { concretePath, mountedRoutes, routeKey, type MountedRoute } from './support/routes';

type Access = 'public' | Role[];

/**
 * Who may call what. A reviewer changes this table on purpose; a mounted route missing from it is expected
 * to be closed to everybody (deny by default), so a route shipped without @Roles or @Public fails nobody's
 * security but a route opened without updating this table fails this test.
 */
const EXPECTED: Record<string, Access> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /projects': ['publisher'],
  'POST /projects/:id/start': ['publisher'],
  'POST /projects/:id/complete': ['publisher'],
  'POST /projects/:id/suspend': ['publisher'],
  'POST /projects/:id/resume': ['publisher'],
  'POST /projects/:id/cancel': ['publisher'],
  'POST /projects/:id/extend': ['publisher'],
  'POST /projects/:id/budget-revisions': ['publisher'],
  // Partners, sectors, places and money (issue 13).
  'POST /projects/:id/participating-orgs': ['publisher'],
  'POST /projects/:id/participating-orgs/:orgId': ['publisher'],
  'POST /projects/:id/participating-orgs/:orgId/removal': ['publisher'],
  'POST /projects/:id/sectors': ['publisher'],
  'POST /projects/:id/humanitarian': ['publisher'],
  'POST /projects/:id/locations': ['publisher'],
  'POST /projects/:id/transactions': ['publisher'],
  'POST /projects/:id/transactions/:ref/reversal': ['publisher'],
  'GET /projects/:id/events': ['auditor'],
  'GET /projects/:id/iati': ['reader', 'auditor'],
  // Auditor toolkit (docs/audit.md). The public key is public so anyone can check an export offline.
  'GET /audit/public-key': 'public',
  'POST /audit/checkpoints': ['auditor'],
  'GET /audit/events': ['auditor'],
  'GET /projects/:id/as-of': ['auditor'],
  'GET /projects/:id/verify': ['auditor'],
  'GET /projects/:id/audit-export': ['auditor'],
  'POST /projects/:id/corrections': ['admin'],
  // Query API: read models for readers, including the live-updates stream. An auditor reads the whole
  // record, so whatever a reader may read an auditor may too (issue 16: roles.ts GRANTS).
  'GET /projects': ['reader', 'auditor'],
  'GET /projects/:id': ['reader', 'auditor'],
  'GET /projects/:id/budget-revisions': ['reader', 'auditor'],
  'GET /projects/:id/transactions': ['reader', 'auditor'],
  'GET /projects/:id/finances': ['reader', 'auditor'],
  'GET /projects/updates': ['reader', 'auditor'],
  'GET /stats/budget': ['reader', 'auditor'],
  'GET /stats/finances': ['reader', 'auditor'],
  // IATI publishing quality self-score (issue 14).
  'GET /iati/quality': ['reader', 'auditor'],
  // Web console: the page and its files are public (they hold no data); the session route tells any
  // signed-in caller who it is.
  'GET /session': ['publisher', 'reader', 'auditor'],
  'GET /console': 'public',
  'GET /console/*': 'public',
};

/**
 * The OpenAPI description and its Swagger UI, mounted on Fastify by SwaggerModule outside Nest's guards:
 * public on purpose (they describe the API and hold no project data). Any other route outside Nest
 * would show up here as open and fail the matrix.
 */
const PUBLIC_DOCS = /^\/docs(\/|$)/;

const accessOf = (route: MountedRoute): Access | undefined =>
  EXPECTED[routeKey(route)] ?? (PUBLIC_DOCS.test(route.path) ? 'public' : undefined);

const CALLERS: (Role | null)[] = [null, ...ROLES];

async function callAs(baseUrl: string, route: MountedRoute, role: Role | null): Promise<number> {
  const headers: Record<string, string> = role ? { authorization: `Bearer ${TEST_KEYS[role]}` } : {};
  const init: RequestInit = { method: route.method, headers };
  if (route.method !== 'GET' && route.method !== 'HEAD') {
    headers['content-type'] = 'application/json';
    init.body = '{}';
  }
  // Only the status matters; streaming routes (live updates) never end their body, so drop it unread.
  const response = await fetch(baseUrl + concretePath(route.path), {
    ...init,
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  return response.status;
}

/** The status class each caller must get: 'open' means neither 401 nor 403. */
function expectedOutcome(access: Access | undefined, role: Role | null): 'open' | 401 | 403 {
  if (access === 'public') return 'open';
  if (role === null) return 401;
  if (access === undefined) return 403;
  return role === 'admin' || access.includes(role) ? 'open' : 403;
}

async function walkMatrix(baseUrl: string, routes: MountedRoute[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const route of routes) {
    for (const role of CALLERS) {
      const status = await callAs(baseUrl, route, role);
      const want = expectedOutcome(accessOf(route), role);
      const got = status === 401 || status === 403 ? status : 'open';
      if (got !== want)
        mismatches.push(`${routeKey(route)} as ${role ?? 'anonymous'}: want ${want}, got ${status}`);
    }
  }
  return mismatches;
}

describe('every mounted endpoint × every role (deny by default)', () => {
  it('the standalone app serves exactly the expected role matrix', async () => {
    const ledger = await startLedger();
    try {
      const routes = mountedRoutes(ledger.app);
      expect(routes.map(routeKey)).toEqual(
        expect.arrayContaining(['POST /projects', 'GET /projects/:id/events', 'GET /health/live']),
      );
      const mismatches = await walkMatrix(ledger.baseUrl, routes);
      console.log(
        `role matrix: ${routes.length} routes × ${CALLERS.length} callers = ${routes.length * CALLERS.length} requests, ${mismatches.length} mismatches`,
      );
      expect(mismatches).toEqual([]);
    } finally {
      await ledger.stop();
    }
  }, 60_000);

  it('a route added without @Roles or @Public is closed to every caller, admin included', async () => {
    @Controller('rogue')
    class RogueController {
      @Get()
      read() {
        return { leaked: true };
      }
      @Post('write')
      write() {
        return { leaked: true };
      }
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-rogue-'));
    const config = {
      ...loadConfig({}),
      dataDir,
      apiKeys: TEST_API_KEYS,
      logLevel: 'silent',
      relayEnabled: false,
    };
    @Module({ imports: [PlatformModule.forRoot(config), CommandApiModule], controllers: [RogueController] })
    class RogueAppModule {}
    const app = await NestFactory.create(RogueAppModule, createHttpAdapter(), {
      bodyParser: false,
      logger: false,
    });
    configureHttp(app);
    await app.listen(0, '127.0.0.1');
    try {
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const rogue = mountedRoutes(app).filter((route) => route.path.startsWith('/rogue'));
      expect(rogue.map(routeKey).sort()).toEqual(['GET /rogue', 'POST /rogue/write']);
      const statuses = await Promise.all(
        rogue.flatMap((route) => CALLERS.map((role) => callAs(baseUrl, route, role))),
      );
      expect(statuses).toEqual(rogue.flatMap(() => [401, 403, 403, 403, 403]));
      expect(await walkMatrix(baseUrl, rogue)).toEqual([]);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
