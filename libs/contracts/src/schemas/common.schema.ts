import { fieldSchemas } from '@ledger/domain';
import { z } from 'zod';

/** Reusable JSON Schema pieces (draft 2020-12) shared by every integration event schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const SCHEMA_ID_BASE = 'https://schemas.projectledger.org/events/';

type Schema = Record<string, unknown>;

/** The JSON Schema of a zod schema as its parsed values look (the wire carries parsed, normalised data). */
export function toJsonSchema(schema: z.ZodType): Schema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
  }) as Schema;
  return rest;
}

/** The CloudEvents 1.0 structured envelope around one event type's data. */
export const envelope = (type: string, data: Schema): Schema => ({
  $schema: JSON_SCHEMA_DIALECT,
  $id: `${SCHEMA_ID_BASE}${type}.json`,
  title: type,
  type: 'object',
  additionalProperties: false,
  required: ['specversion', 'id', 'type', 'source', 'subject', 'time', 'datacontenttype', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', minLength: 1 },
    type: { const: type },
    source: { type: 'string', minLength: 1 },
    subject: toJsonSchema(fieldSchemas.projectIdSchema),
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    data,
  },
});
