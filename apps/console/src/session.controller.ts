import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, grantedRoles, type Principal, QueryParams, Roles } from '@ledger/platform';

/**
 * Who the presented credential is: the console signs in with it and offers what the roles allow. Open to
 * every role, because each of them must be able to find out what it may do.
 */
@ApiTags('session')
@ApiBearerAuth()
@Controller('session')
export class SessionController {
  @Get()
  @Roles('publisher', 'reader', 'auditor')
  @QueryParams()
  @ApiOperation({ summary: 'The caller: actor recorded for its commands and every role it acts as' })
  session(@CurrentPrincipal() principal: Principal) {
    return { actor: principal.actor, roles: grantedRoles(principal.roles ?? [principal.role]) };
  }
}
