import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '@ledger/platform';

/** Who may call one route, as the AuthGuard will decide it (handler metadata wins over the controller's). */
export interface RouteAccess {
  method: string;
  /** OpenAPI form: /projects/{id}/start */
  path: string;
  public: boolean;
  roles: Role[];
}

const join = (...parts: (string | string[] | undefined)[]) =>
  '/' +
  parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');

/** Reads @Roles / @Public of every controller route, so the document can name the roles the guard enforces. */
export function routeAccess(app: INestApplication): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const pick = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        routes.push({
          method: RequestMethod[method].toLowerCase(),
          path: join(base, path).replace(/:(\w+)/g, '{$1}'),
          public: pick<boolean>(PUBLIC_KEY) === true,
          roles: pick<Role[]>(ROLES_KEY) ?? [],
        });
      }
    }
  }
  return routes;
}
