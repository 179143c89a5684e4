import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApiJson } from '../../apps/standalone/src/openapi/openapi.generate';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { validateOpenApi } from './support/openapi-validator';

type Operation = {
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<
    string,
    {
      content?: Record<
        string,
        { schema?: { allOf?: { $ref?: string; properties?: { code?: { enum?: string[] } } }[] } }
      >;
    }
  >;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { required?: string[] }> };
};

const operations = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );

describe('OpenAPI document', () => {
  let ledger: RunningLedger;
  let served: Document;
  beforeAll(async () => {
    ledger = await startLedger();
    const response = await ledger.call('GET', '/docs/openapi.json', { role: null });
    expect(response.status).toBe(200);
    served = (await response.json()) as Document;
  });
  afterAll(() => ledger.stop());

  it('is served at /docs without a key and passes a third-party OpenAPI validator', async () => {
    expect(await validateOpenApi(served)).toEqual({ valid: true, errors: [] });
    const ui = await ledger.call('GET', '/docs', { role: null });
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    // The validator compiles the whole OpenAPI 3 meta-schema: seconds on a busy 2-core machine.
  }, 30_000);

  it('is the same as docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8');
    expect(committed).toBe(await generateOpenApiJson());
  });

  it('documents the command and IATI routes', () => {
    for (const route of [
      '/projects',
      '/projects/{id}/start',
      '/projects/{id}/complete',
      '/projects/{id}/budget-revisions',
      '/projects/{id}/events',
      '/projects/{id}/iati',
    ]) {
      expect(Object.keys(served.paths)).toContain(route);
    }
  });

  it('names the bearer scheme and the roles of every protected route', () => {
    const expected: Record<string, string[]> = {
      'POST /projects': ['publisher', 'admin'],
      'POST /projects/{id}/budget-revisions': ['publisher', 'admin'],
      'GET /projects/{id}/events': ['auditor', 'admin'],
      'GET /projects/{id}/iati': ['reader', 'auditor', 'admin'],
    };
    for (const { route, op } of operations(served)) {
      if (op['x-roles']?.length === 0) {
        expect(op.security).toEqual([]);
        continue;
      }
      expect({ route, security: op.security }).toEqual({ route, security: [{ bearer: [] }] });
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      if (expected[route]) expect(op['x-roles']).toEqual(expected[route]);
    }
  });

  it('documents every error response as problem+json with its stable codes', () => {
    expect(served.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'code']);
    for (const { route, op } of operations(served)) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        const schema = response.content?.['application/problem+json']?.schema;
        const codes = schema?.allOf?.[1]?.properties?.code?.enum ?? [];
        expect({ route, status, ref: schema?.allOf?.[0]?.$ref }).toEqual({
          route,
          status,
          ref: '#/components/schemas/Problem',
        });
        expect({ route, status, hasCodes: codes.length > 0 }).toEqual({ route, status, hasCodes: true });
      }
    }
    const create = served.paths['/projects'].post.responses;
    expect(
      create['409'].content?.['application/problem+json'].schema?.allOf?.[1].properties?.code?.enum,
    ).toContain('PROJECT.ALREADY_EXISTS');
    expect(
      create['400'].content?.['application/problem+json'].schema?.allOf?.[1].properties?.code?.enum,
    ).toContain('VALIDATION.FAILED');
  });

  it('gives the Mongolia record as the example of creating a project, and the example is accepted', async () => {
    const example = served.paths['/projects'].post.requestBody?.content['application/json'].examples?.mongolia
      .value as Record<string, unknown>;
    expect(example).toMatchObject({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      projectType: 'TCMMCB',
      coverage: 'national',
      region: 'Asia and Oceania',
    });
    const response = await ledger.call('POST', '/projects', { role: 'publisher', body: example });
    expect(response.status).toBe(201);
  });
});
