import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../problem/problem.exception';
import { API_KEY_REGISTRY, ApiKeyRegistry } from './api-key.registry';
import { PUBLIC_KEY, Principal, ROLES_KEY, Role } from './roles';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** Deny by default: a route must say who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_REGISTRY) private readonly keys: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.authenticate(request);
    if (!roles || roles.length === 0 || (principal.role !== 'admin' && !roles.includes(principal.role))) {
      throw new ProblemException({
        status: 403,
        code: 'AUTH.FORBIDDEN',
        title: 'Forbidden',
        detail: roles?.length ? `This route needs the role ${roles.join(' or ')}.` : 'This route is not open to API keys.',
      });
    }
    request.principal = principal;
    return true;
  }

  private authenticate(request: Request): Principal {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
    const principal = match ? this.keys.authenticate(match[1]) : null;
    if (!principal) {
      throw new ProblemException({
        status: 401,
        code: 'AUTH.UNAUTHENTICATED',
        title: 'Unauthenticated',
        detail: 'Send a valid API key as "Authorization: Bearer <key>".',
        headers: { 'WWW-Authenticate': 'Bearer realm="project-ledger"' },
      });
    }
    return principal;
  }
}
