import { PROJECT_COMMANDS, PROJECT_COMMAND_TYPES } from './command-table';
import { requestSchema } from './request-schema';

/** Ids a route names below the project reach the parser in the body: the transports copy them there. */
const PATH_SAMPLES: Record<string, string> = { orgId: 'org-1', ref: 'TX-2014-001' };
const withPathIds = (type: (typeof PROJECT_COMMAND_TYPES)[number], body: Record<string, unknown>) => ({
  ...body,
  ...Object.fromEntries(
    [...PROJECT_COMMANDS[type].http.path.matchAll(/:(\w+)/g)]
      .map(([, name]) => name)
      .filter((name) => name !== 'id')
      .map((name) => [name, PATH_SAMPLES[name]]),
  ),
});

type Schema = { properties: Record<string, Record<string, unknown>>; required?: string[] };

describe('request schemas generated from the domain', () => {
  it('document the Prima ID pattern the domain enforces', () => {
    const primaId = (requestSchema('CreateProject') as Schema).properties.primaId;
    expect(primaId.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9._/-]*$');
    const parse = PROJECT_COMMANDS.CreateProject.parse;
    const example = PROJECT_COMMANDS.CreateProject.docs.example;
    expect(parse(null, { ...example, primaId: 'MN10 P0001' })).toMatchObject({
      ok: false,
      errors: [{ field: 'primaId', code: 'INVALID_FORMAT' }],
    });
  });

  it.each(PROJECT_COMMAND_TYPES)(
    '%s: the example passes, and each documented required field is required',
    (type) => {
      const { parse, docs } = PROJECT_COMMANDS[type];
      const schema = requestSchema(type) as Schema;
      const projectId = type === 'CreateProject' ? null : 'TC.0789';
      // The correction example names an event id; its shape is all the parser checks.
      expect(parse(projectId, withPathIds(type, docs.example)).ok).toBe(true);
      for (const field of schema.required ?? []) {
        const { [field]: _dropped, ...rest } = docs.example;
        const parsed = parse(projectId, withPathIds(type, rest));
        expect({ field, ok: parsed.ok }).toEqual({ field, ok: false });
        if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toContain(field);
      }
      expect(Object.keys(docs.example).every((field) => field in schema.properties)).toBe(true);
    },
  );

  it.each(PROJECT_COMMAND_TYPES)('%s: unknown fields are refused, as documented', (type) => {
    const { parse, docs } = PROJECT_COMMANDS[type];
    expect(requestSchema(type)).toMatchObject({ additionalProperties: false });
    const parsed = parse(
      type === 'CreateProject' ? null : 'TC.0789',
      withPathIds(type, { ...docs.example, colour: 'red' }),
    );
    expect(parsed).toMatchObject({ ok: false, errors: [{ field: 'colour', code: 'UNKNOWN_FIELD' }] });
  });
});
