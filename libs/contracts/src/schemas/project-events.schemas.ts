import { PROJECT_EVENT_TYPES } from '@ledger/domain';
import { z } from 'zod';
import { cloudEventType } from '../event-kinds';
import type { IntegrationEventType } from '../integration-events';
import { PROJECT_EVENT_TABLE } from '../project-event.table';
import { envelope, toJsonSchema } from './common.schema';

/** Data schema of each integration event type and version, generated from the event table's contracts. */
const DATA_SCHEMAS = Object.fromEntries(
  PROJECT_EVENT_TYPES.map((type) => {
    const { kind, contract } = PROJECT_EVENT_TABLE[type];
    return [cloudEventType(kind), toJsonSchema(contract as z.ZodType)];
  }),
) as Record<IntegrationEventType, Record<string, unknown>>;

export const INTEGRATION_EVENT_TYPES = Object.keys(DATA_SCHEMAS) as IntegrationEventType[];

/** Full JSON Schema (envelope + data) of each integration event type and version. */
export const INTEGRATION_EVENT_SCHEMAS: Record<
  IntegrationEventType,
  Record<string, unknown>
> = Object.fromEntries(
  INTEGRATION_EVENT_TYPES.map((type) => [type, envelope(type, DATA_SCHEMAS[type])]),
) as Record<IntegrationEventType, Record<string, unknown>>;

/** Data-only schema (what AsyncAPI documents as the payload's `data`). */
export const dataSchemaOf = (type: IntegrationEventType): Record<string, unknown> => DATA_SCHEMAS[type];
