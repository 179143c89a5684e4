import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { default?: unknown; minimum?: number; maximum?: number };
  description?: string;
}

/** `GET /path param` for every query parameter of the generated OpenAPI document (kept equal to the code). */
function openApiQueryParameters(): Map<string, OpenApiParameter> {
  const doc = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
  };
  const found = new Map<string, OpenApiParameter>();
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations))
      for (const parameter of operation.parameters ?? [])
        if (parameter.in === 'query')
          found.set(`${method.toUpperCase()} ${path} ${parameter.name}`, parameter);
  return found;
}

/** The rows of docs/read-model.md's parameter table, one key per route and parameter, with default and bounds. */
function documentedParameters(): Map<string, { defaultValue: string; bounds: string }> {
  const doc = readFileSync(join(ROOT, 'docs', 'read-model.md'), 'utf8');
  const section = /### Query parameters: defaults and bounds\n([\s\S]*?)\n## /.exec(doc)![1];
  const rows = new Map<string, { defaultValue: string; bounds: string }>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [routes, parameter, defaultValue, bounds] = line
      .split(' | ')
      .map((cell) => cell.replace(/^\| /, ''));
    const name = /`([A-Za-z]+)`/.exec(parameter)![1];
    for (const route of routes.matchAll(/`GET ([^`]+)`/g))
      rows.set(`GET ${route[1]} ${name}`, { defaultValue, bounds });
  }
  return rows;
}

describe('docs/read-model.md query parameter table', () => {
  it('documents every query parameter of the API, with the default and range the code has', () => {
    const api = openApiQueryParameters();
    const documented = documentedParameters();
    expect([...documented.keys()].sort()).toEqual([...api.keys()].sort());
    for (const [key, parameter] of api) {
      const row = documented.get(key)!;
      const { minimum, maximum } = parameter.schema ?? {};
      const defaultValue =
        parameter.schema?.default ?? /[Dd]efault (\w+)/.exec(parameter.description ?? '')?.[1];
      if (defaultValue !== undefined)
        expect({ key, row: row.defaultValue }).toEqual({
          key,
          row: expect.stringContaining(String(defaultValue)),
        });
      if (maximum !== undefined)
        expect({ key, row: row.bounds }).toEqual({
          key,
          row: expect.stringContaining(`${minimum} – ${maximum}`),
        });
      if (/exclusive/i.test(parameter.description ?? ''))
        expect({ key, row: row.bounds }).toEqual({ key, row: expect.stringContaining('exclusive') });
    }
  });
});
