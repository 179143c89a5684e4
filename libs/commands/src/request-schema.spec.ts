import { PROJECT_COMMANDS, PROJECT_COMMAND_TYPES } from './command-table';
import { requestSchema } from './request-schema';

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
      expect(parse(projectId, docs.example).ok).toBe(true);
      for (const field of schema.required ?? []) {
        const { [field]: _dropped, ...rest } = docs.example;
        const parsed = parse(projectId, rest);
        expect({ field, ok: parsed.ok }).toEqual({ field, ok: false });
        if (!parsed.ok) expect(parsed.errors.map((e) => e.field)).toContain(field);
      }
      expect(Object.keys(docs.example).every((field) => field in schema.properties)).toBe(true);
    },
  );

  it.each(PROJECT_COMMAND_TYPES)('%s: unknown fields are refused, as documented', (type) => {
    const { parse, docs } = PROJECT_COMMANDS[type];
    expect(requestSchema(type)).toMatchObject({ additionalProperties: false });
    const parsed = parse(type === 'CreateProject' ? null : 'TC.0789', { ...docs.example, colour: 'red' });
    expect(parsed).toMatchObject({ ok: false, errors: [{ field: 'colour', code: 'UNKNOWN_FIELD' }] });
  });
});
