import { BUDGET_REASONS, COVERAGES, REGIONS } from '@ledger/domain';

/** Reusable JSON Schema pieces (draft 2020-12) shared by every integration event schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const SCHEMA_ID_BASE = 'https://schemas.projectledger.org/events/';

type Schema = Record<string, unknown>;

export const projectId: Schema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };
export const partialDate: Schema = {
  type: 'string',
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
};
export const fullDate: Schema = { type: 'string', format: 'date' };
export const decimalString: Schema = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
export const positiveDecimalString: Schema = { type: 'string', pattern: '^\\d+(\\.\\d+)?$' };
export const currency: Schema = { type: 'string', pattern: '^[A-Z]{3}$' };
export const money: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'currency'],
  properties: { amount: positiveDecimalString, currency },
};
export const region: Schema = { enum: [...REGIONS] };
export const coverage: Schema = { enum: [...COVERAGES] };
export const budgetReason: Schema = { enum: [...BUDGET_REASONS] };
export const reason: Schema = { type: 'string', minLength: 1 };
export const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

/** A closed object: every listed property required, nothing else allowed. */
export const closedObject = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

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
    subject: projectId,
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    data,
  },
});
