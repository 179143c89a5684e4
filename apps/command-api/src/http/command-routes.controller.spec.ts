import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PROJECT_COMMANDS, PROJECT_COMMAND_TYPES } from '@ledger/commands';
import { ROLES_KEY } from '@ledger/platform';
import { AmqpCommandsController } from '../amqp/amqp-commands.controller';
import { CorrectionsController, ProjectCommandsController } from './command-routes.controller';

/** Every route a controller class declares: `POST /projects/:id/start` → roles. */
function routesOf(controller: { prototype: object }): Map<string, unknown> {
  const routes = new Map<string, unknown>();
  const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
  for (const name of Object.getOwnPropertyNames(controller.prototype)) {
    const handler = (controller.prototype as Record<string, unknown>)[name];
    const method = Reflect.getMetadata(METHOD_METADATA, handler as object) as RequestMethod | undefined;
    if (typeof handler !== 'function' || method === undefined) continue;
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
    const full = `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '');
    routes.set(`${RequestMethod[method]} ${full}`, Reflect.getMetadata(ROLES_KEY, handler));
  }
  return routes;
}

describe('routes and handlers derived from the command table', () => {
  it('serve one POST route per command, guarded by the role the table names', () => {
    const served = new Map([...routesOf(ProjectCommandsController), ...routesOf(CorrectionsController)]);
    const expected = new Map(
      PROJECT_COMMAND_TYPES.map((type) => {
        const { http, role } = PROJECT_COMMANDS[type];
        return [`POST /projects${http.path ? `/${http.path}` : ''}`, [role]];
      }),
    );
    expect(served).toEqual(expected);
    expect(served.get('POST /projects/:id/corrections')).toEqual(['admin']);
    expect(served.get('POST /projects')).toEqual(['publisher']);
  });

  it('give every command with an AMQP pattern its handler, and no other', () => {
    const prototype = AmqpCommandsController.prototype as Record<string, unknown>;
    const handled = Object.getOwnPropertyNames(prototype)
      .map(
        (name) => Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as unknown[] | undefined,
      )
      .filter((patterns) => patterns !== undefined)
      .flat();
    const expected = PROJECT_COMMAND_TYPES.map((type) => PROJECT_COMMANDS[type].amqp).filter(
      (p) => p !== null,
    );
    expect(handled.sort()).toEqual([...expected].sort());
    expect(new Set(expected).size).toBe(expected.length);
    expect(expected).toContain('project.revise-budget');
  });
});
