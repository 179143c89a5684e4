import type { IntegrationEventType } from '../integration-events';
import {
  budgetReason,
  closedObject,
  coverage,
  currency,
  decimalString,
  envelope,
  fullDate,
  money,
  nullable,
  partialDate,
  positiveDecimalString,
  projectId,
  reason,
  region,
} from './common.schema';

const memberStates: Record<string, unknown> = {
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', pattern: '^[A-Z]{2}$' },
};

/** The fields an auditor-approved correction may set (any subset). */
const correctableFields: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 500 },
    description: nullable({ type: 'string', maxLength: 20000 }),
    primaId: nullable({ type: 'string', minLength: 1 }),
    projectType: { type: 'string', pattern: '^[A-Z0-9]{2,16}$' },
    fundingYear: { type: 'integer', minimum: 1990, maximum: 2100 },
    plannedStart: partialDate,
    plannedEnd: partialDate,
    region,
    coverage,
    benefitingMemberStates: memberStates,
    actualStart: partialDate,
    actualEnd: partialDate,
  },
};

/** Data schema of each integration event type and version. */
const DATA_SCHEMAS: Record<IntegrationEventType, Record<string, unknown>> = {
  'org.projectledger.project.created.v1': closedObject({
    projectId,
    primaId: nullable({ type: 'string', minLength: 1 }),
    title: { type: 'string', minLength: 1, maxLength: 500 },
    description: nullable({ type: 'string', maxLength: 20000 }),
    projectType: { type: 'string', pattern: '^[A-Z0-9]{2,16}$' },
    coverage,
    region,
    fundingYear: { type: 'integer', minimum: 1990, maximum: 2100 },
    plannedStart: partialDate,
    plannedEnd: partialDate,
    budget: money,
    benefitingMemberStates: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
  }),
  'org.projectledger.project.started.v1': closedObject({ projectId, actualStart: partialDate }),
  'org.projectledger.project.completed.v1': closedObject({ projectId, actualEnd: partialDate }),
  'org.projectledger.project.budget-revised.v1': closedObject({
    projectId,
    previous: positiveDecimalString,
    amount: positiveDecimalString,
    delta: decimalString,
    currency,
    reason: budgetReason,
    effectiveDate: fullDate,
    note: nullable({ type: 'string' }),
  }),
  'org.projectledger.project.suspended.v1': closedObject({ projectId, reason }),
  'org.projectledger.project.resumed.v1': closedObject({ projectId, reason: nullable(reason) }),
  'org.projectledger.project.cancelled.v1': closedObject({ projectId, reason }),
  'org.projectledger.project.extended.v1': closedObject({
    projectId,
    previousPlannedEnd: partialDate,
    plannedEnd: partialDate,
    reason,
  }),
  'org.projectledger.project.record-corrected.v1': closedObject({
    projectId,
    correctedEventId: { type: 'string', format: 'uuid' },
    correctedRevision: { type: 'integer', minimum: 0 },
    values: { ...correctableFields, minProperties: 1 },
    previous: { type: 'object' },
    reason,
    approvedBy: { type: 'string', minLength: 1 },
  }),
};

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
