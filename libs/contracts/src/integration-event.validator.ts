import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IntegrationEventType } from './integration-events';
import { INTEGRATION_EVENT_SCHEMAS, INTEGRATION_EVENT_TYPES } from './schemas/project-events.schemas';

export interface ContractViolation {
  path: string;
  message: string;
}

export type ContractCheck =
  { ok: true; type: IntegrationEventType } | { ok: false; errors: ContractViolation[] };

let compiled: Map<string, ValidateFunction> | null = null;

function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // `example` is an annotation the shared field rules carry for the OpenAPI document; it constrains nothing.
  ajv.addKeyword({ keyword: 'example' });
  compiled = new Map(
    INTEGRATION_EVENT_TYPES.map((type) => [type, ajv.compile(INTEGRATION_EVENT_SCHEMAS[type])]),
  );
  return compiled;
}

/** Checks a received (or about to be sent) CloudEvents envelope against the schema of its `type`. */
export function validateIntegrationEvent(envelope: unknown): ContractCheck {
  const type = (envelope as { type?: unknown } | null)?.type;
  const validate = typeof type === 'string' ? validators().get(type) : undefined;
  if (!validate)
    return { ok: false, errors: [{ path: '/type', message: `unknown event type ${String(type)}` }] };
  if (validate(envelope)) return { ok: true, type: type as IntegrationEventType };
  return {
    ok: false,
    errors: (validate.errors ?? []).map((e) => ({
      path: e.instancePath || '/',
      message: e.message ?? e.keyword,
    })),
  };
}
