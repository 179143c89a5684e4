import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest as Request } from 'fastify';

import { API_KEY_REGISTRY, ApiKeyRegistry } from './api-key.registry';
import { grantedRoles, PUBLIC_KEY, Principal, ROLES_KEY, Role } from './roles';
import { JWT_VERIFIER, JwtVerifier } from '../security/jwt.verifier';
import { problem } from '../problem/problem.catalogue';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** Deny by default: a route must say who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_REGISTRY) private readonly keys: ApiKeyRegistry,
    @Optional() @Inject(JWT_VERIFIER) private readonly jwt: JwtVerifier | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    const granted = grantedRoles(principal.roles ?? [principal.role]);
    if (!roles || roles.length === 0 || !roles.some((role) => granted.includes(role))) {
      throw problem(
        'AUTH.FORBIDDEN',
        roles?.length
          ? `This route needs the role ${roles.join(' or ')}.`
          : 'This route is not open to API keys.',
      );
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([\x21-\x7e]{1,4096})$/.exec(header);
    let principal = match && match[1].length <= 512 ? this.keys.authenticate(match[1]) : null;
    if (!principal && match && this.jwt && JwtVerifier.looksLikeJwt(match[1])) {
      const outcome = await this.jwt.verify(match[1]);
      if (outcome.ok) principal = outcome.principal;
    }
    if (!principal) {
      throw problem(
        'AUTH.UNAUTHENTICATED',
        'Send a valid API key or token as "Authorization: Bearer <credential>".',
        { headers: { 'WWW-Authenticate': 'Bearer realm="project-ledger"' } },
      );
    }
    return principal;
  }
}
