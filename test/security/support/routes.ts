import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

export interface MountedRoute {
  method: string;
  /** Router path pattern, e.g. `/projects/:id/start` (`*` for a wildcard). */
  path: string;
}

/** `├── /segment (GET, HEAD)`: the tree drawing, the path segment, the methods served there if any. */
const LINE = /^([\s│├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/u;

/**
 * Every route the running app really serves, read from the Fastify router Nest built (its own listing,
 * one line per node of the routing tree), so a route added later is found without anyone updating a list.
 * HEAD routes Fastify adds beside each GET are left out: no controller declares one.
 */
export function mountedRoutes(app: INestApplication): MountedRoute[] {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const tree = fastify.printRoutes({ commonPrefix: false });
  const ancestors: { depth: number; path: string }[] = [];
  const routes: MountedRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = LINE.exec(line);
    if (!match || match[2] === '') continue;
    const depth = [...match[1]].length;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1].depth >= depth) ancestors.pop();
    const parent = ancestors[ancestors.length - 1]?.path ?? '';
    const segment = match[2];
    const path = parent === '' || segment.startsWith('/') ? parent + segment : `${parent}/${segment}`;
    ancestors.push({ depth, path });
    const methods = match[3]?.split(', ') ?? [];
    for (const method of methods)
      if (method !== 'HEAD' || !methods.includes('GET')) routes.push({ method, path });
  }
  return routes;
}

export const routeKey = (route: MountedRoute): string => `${route.method} ${route.path}`;

/** A concrete URL for a pattern: every `:param` becomes `value`. */
export const concretePath = (path: string, value = 'TC.0789'): string =>
  path.replace(/:[A-Za-z_]\w*/g, encodeURIComponent(value));
