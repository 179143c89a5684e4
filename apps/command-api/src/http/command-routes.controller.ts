import { Controller, HttpCode, Param, Post, Req, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProjectCommandType } from '@ledger/domain';
import { PROJECT_COMMANDS, PROJECT_COMMAND_TYPES, type CommandSpec } from '@ledger/commands';
import { CurrentPrincipal, Roles, type Principal } from '@ledger/platform';
import { HttpCommandRunner } from './http-command.runner';
import { ApiCommand } from './project-commands.openapi';

type Tag = CommandSpec<ProjectCommandType>['http']['tag'];

/** The route handler of one command: `(id?, principal, request, response)`, as Nest's decorators describe it. */
function defineRoute(prototype: object, type: ProjectCommandType): void {
  const { http, role } = PROJECT_COMMANDS[type];
  const hasId = http.path.includes(':id');
  const handler = function (this: { runner: HttpCommandRunner }, ...args: unknown[]) {
    const [id, who, req, res] = (hasId ? args : [null, ...args]) as [
      string | null,
      Principal,
      FastifyRequest,
      FastifyReply,
    ];
    return this.runner.run(type, id, who, req, res);
  };
  // Nest and Swagger look metadata up by the function's name, so it must be the property's.
  Object.defineProperty(handler, 'name', { value: type });
  Object.defineProperty(prototype, type, { value: handler, writable: true, configurable: true });
  const params: ParameterDecorator[] = [
    ...(hasId ? [Param('id')] : []),
    CurrentPrincipal(),
    Req(),
    Res({ passthrough: true }),
  ];
  params.forEach((decorate, index) => decorate(prototype, type, index));
  Reflect.defineMetadata(
    'design:paramtypes',
    params.map((_, i) => (hasId && i === 0 ? String : Object)),
    prototype,
    type,
  );
  const descriptor = Object.getOwnPropertyDescriptor(prototype, type)!;
  const decorated = Reflect.decorate(
    [http.path === '' ? Post() : Post(http.path), HttpCode(http.status), Roles(role), ApiCommand(type)],
    prototype,
    type,
    descriptor,
  ) as PropertyDescriptor;
  Object.defineProperty(prototype, type, decorated);
}

/**
 * A controller serving every command of the table with this tag under /projects: one route per entry,
 * derived from the command table, so a command cannot be added without its route (nor a route without
 * its command). The runner and the domain do the rest.
 */
function commandRoutesController(tag: Tag, name: string): Type {
  class CommandRoutesController {
    constructor(readonly runner: HttpCommandRunner) {}
  }
  Object.defineProperty(CommandRoutesController, 'name', { value: name });
  Reflect.defineMetadata('design:paramtypes', [HttpCommandRunner], CommandRoutesController);
  for (const type of PROJECT_COMMAND_TYPES)
    if (PROJECT_COMMANDS[type].http.tag === tag) defineRoute(CommandRoutesController.prototype, type);
  Reflect.decorate([ApiTags(tag), ApiBearerAuth(), Controller('projects')], CommandRoutesController);
  return CommandRoutesController;
}

/** Lifecycle commands (tag `commands`). */
export const ProjectCommandsController = commandRoutesController('commands', 'ProjectCommandsController');
/** Corrections of recorded facts (tag `audit`, role admin; docs/audit.md). */
export const CorrectionsController = commandRoutesController('audit', 'CorrectionsController');
