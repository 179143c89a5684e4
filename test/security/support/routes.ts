import type { INestApplication } from '@nestjs/common';

export interface MountedRoute {
  method: string;
  /** Express path pattern, e.g. `/projects/:id/start`. */
  path: string;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running app really serves, read from the Express router Nest built, so a route added
 * later is found without anyone updating a list.
 */
export function mountedRoutes(app: INestApplication): MountedRoute[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: RouterLayer[] };
    _router?: { stack: RouterLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: MountedRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all') continue;
      for (const path of paths) routes.push({ method: method.toUpperCase(), path });
    }
  }
  return routes;
}

export const routeKey = (route: MountedRoute): string => `${route.method} ${route.path}`;

/** A concrete URL for a pattern: every `:param` becomes `value`. */
export const concretePath = (path: string, value = 'TC.0789'): string =>
  path.replace(/:[A-Za-z_]\w*/g, encodeURIComponent(value));
