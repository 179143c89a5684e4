import { z } from 'zod';
import { COMMAND_BODY_SCHEMAS, type ProjectCommandType } from '@ledger/domain';

/** A JSON Schema object in the OpenAPI 3.0 dialect, as the API document shows it. */
type JsonSchema = Record<string, unknown>;

/**
 * The documented request body of a command, generated from the zod schema its parser enforces: the
 * pattern, lengths, enums and required fields the API document shows are the ones checked. Rules that
 * span fields (date order, coverage vs member states, currency digits) are in the descriptions.
 */
export function requestSchema(type: ProjectCommandType): JsonSchema {
  return z.toJSONSchema(COMMAND_BODY_SCHEMAS[type], {
    target: 'openapi-3.0',
    io: 'input',
    // Refinements cannot be expressed; their documented part comes from each schema's `.meta()`.
    unrepresentable: 'any',
  }) as JsonSchema;
}
