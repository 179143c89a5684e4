import { HttpException, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, rolesAllowed, toProblem } from '@ledger/platform';
import {
  PROBLEM_SCHEMA,
  PROBLEM_SCHEMA_NAME,
  problemResponse,
} from '@ledger/platform/problem/problem.openapi';
import { routeAccess } from './route-roles';

export const BEARER_SCHEME = 'bearer';

const DESCRIPTION = [
  'Event-sourced record of development projects. Commands change a project; every accepted change is an immutable event.',
  '',
  'Authenticate with `Authorization: Bearer <API key>`; each key has one role (publisher, reader, auditor, admin; admin may call',
  'every route). Each operation names the roles it needs in its description and in `x-roles`.',
  '',
  'Every error is RFC 9457 `application/problem+json` with a stable `code`; each response lists the codes it can carry.',
].join('\n');

/** A response object for the document itself (the decorator options also carry `status`, which OpenAPI forbids here). */
function problemObject(status: number, description: string, codes: string[]): never {
  const { status: _status, ...response } = problemResponse(status, description, codes) as Record<
    string,
    unknown
  >;
  return response as never;
}

/** Roles, 401/403 and the generic problems the platform adds to every protected route. */
function addAccess(document: OpenAPIObject, app: INestApplication): void {
  for (const route of routeAccess(app)) {
    const operation = document.paths[route.path]?.[route.method as 'get'] as
      (OperationObject & Record<string, unknown>) | undefined;
    if (!operation) continue;
    operation.responses ??= {};
    if (route.public) {
      operation.security = [];
      operation['x-roles'] = [];
      continue;
    }
    const roles = rolesAllowed(route.roles);
    operation.security = [{ [BEARER_SCHEME]: [] }];
    operation['x-roles'] = roles;
    operation.description = [operation.description, `Roles: ${roles.join(', ')}.`]
      .filter(Boolean)
      .join('\n\n');
    operation.responses['401'] ??= problemObject(401, 'No valid API key', ['AUTH.UNAUTHENTICATED']);
    operation.responses['403'] ??= problemObject(403, `The key's role is not one of ${roles.join(', ')}`, [
      'AUTH.FORBIDDEN',
    ]);
    operation.responses['429'] ??= problemObject(429, 'Too many requests; see Retry-After', [
      'REQUEST.RATE_LIMITED',
    ]);
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation) {
        operation.responses['500'] ??= problemObject(500, 'Unexpected error (no internals are shown)', [
          'INTERNAL',
        ]);
        asProblems(
          operation.responses as Record<string, { description?: string; content?: Record<string, unknown> }>,
        );
      }
    }
  }
}

/**
 * The global filter renders every error as problem+json, so an error response a controller documented in
 * another shape (e.g. terminus's 503) is shown as the problem the filter really sends, with its code.
 */
function asProblems(
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>,
): void {
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 || response.content?.[PROBLEM_CONTENT_TYPE]) continue;
    const description = response.description ?? `HTTP ${status}`;
    const { code } = toProblem(new HttpException(description, Number(status))).problem;
    responses[status] = problemObject(Number(status), description, [code]);
  }
}

/** The OpenAPI 3 document of a built app, from its controllers' decorators and @Roles metadata. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Project Ledger API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An API key (or a JWT where configured)' },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas = {
    ...(document.components.schemas ?? {}),
    [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA,
  };
  addAccess(document, app);
  return document;
}

/** Serves the document at /docs (Swagger UI) and /docs/openapi.json. Public: mounted outside the guarded router. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
  return document;
}
