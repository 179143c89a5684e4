import type { ProjectEvent, ProjectEventType } from '@ledger/domain';
import type { z } from 'zod';
import type { CloudEvent, PayloadsV1 } from './integration-events';
import { PAYLOAD_SCHEMAS_V1 } from './schemas/project-events.v1';

type DataOf<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>['data'];
/** The fields of an event's data that hold a date (a string), for its effective-date rule. */
type DateFieldOf<T extends ProjectEventType> = {
  [K in keyof DataOf<T>]: DataOf<T>[K] extends string ? K : never;
}[keyof DataOf<T>] &
  string;

/**
 * When an event took effect, for as-of questions on the effective timeline:
 * - `field`: the date the event carries (a correction of that same field later moves it);
 * - `recorded`: the UTC day it was recorded on;
 * - `earliest`: the earliest of its recorded day, its own `field` and every other event's effective date
 *   (a project entered after the fact still existed on the dates its own history names);
 * - `corrected`: the effective date of the event it corrects (a correction says what was true all along).
 */
export type EffectiveDateRule<T extends ProjectEventType> =
  | { from: 'field'; field: DateFieldOf<T> }
  | { from: 'recorded' }
  | { from: 'earliest'; field: DateFieldOf<T> }
  | { from: 'corrected' };

/** Everything the system states about one event type beyond the domain's own type and evolve. */
export interface EventSpec<T extends ProjectEventType> {
  /** Public name: the CloudEvents type `org.projectledger.project.<kind>.v1` and the routing key `project.<kind>.<region>`. */
  kind: string;
  /** The V1 contract of the payload; its JSON Schema is generated from it. */
  contract: z.ZodType<PayloadsV1[T]>;
  /** Domain data -> V1 payload, field by field: a new domain field stays private until someone publishes it. */
  toV1(data: DataOf<T>): PayloadsV1[T];
  effectiveDate: EffectiveDateRule<T>;
}

/**
 * The one table of events. A domain event type missing here, or a payload that does not fit its contract,
 * fails to compile. It lives in libs/contracts because it joins the domain (which imports no other lib)
 * with the wire; as-of (libs/audit), the relay and the AsyncAPI document all read it.
 */
export const PROJECT_EVENT_TABLE = {
  ProjectCreated: {
    kind: 'created',
    contract: PAYLOAD_SCHEMAS_V1.ProjectCreated,
    toV1: (d) => ({
      projectId: d.projectId,
      primaId: d.primaId,
      title: d.title,
      description: d.description,
      projectType: d.projectType,
      coverage: d.coverage,
      region: d.region,
      fundingYear: d.fundingYear,
      plannedStart: d.plannedStart,
      plannedEnd: d.plannedEnd,
      budget: { amount: d.budget.amount, currency: d.budget.currency },
      benefitingMemberStates: [...d.benefitingMemberStates],
    }),
    effectiveDate: { from: 'earliest', field: 'plannedStart' },
  },
  ProjectStarted: {
    kind: 'started',
    contract: PAYLOAD_SCHEMAS_V1.ProjectStarted,
    toV1: (d) => ({ projectId: d.projectId, actualStart: d.actualStart }),
    effectiveDate: { from: 'field', field: 'actualStart' },
  },
  ProjectCompleted: {
    kind: 'completed',
    contract: PAYLOAD_SCHEMAS_V1.ProjectCompleted,
    toV1: (d) => ({ projectId: d.projectId, actualEnd: d.actualEnd }),
    effectiveDate: { from: 'field', field: 'actualEnd' },
  },
  ProjectBudgetRevised: {
    kind: 'budget-revised',
    contract: PAYLOAD_SCHEMAS_V1.ProjectBudgetRevised,
    toV1: (d) => ({
      projectId: d.projectId,
      previous: d.previous,
      amount: d.amount,
      delta: d.delta,
      currency: d.currency,
      reason: d.reason,
      effectiveDate: d.effectiveDate,
      note: d.note,
    }),
    effectiveDate: { from: 'field', field: 'effectiveDate' },
  },
  ProjectSuspended: {
    kind: 'suspended',
    contract: PAYLOAD_SCHEMAS_V1.ProjectSuspended,
    toV1: (d) => ({ projectId: d.projectId, reason: d.reason }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectResumed: {
    kind: 'resumed',
    contract: PAYLOAD_SCHEMAS_V1.ProjectResumed,
    toV1: (d) => ({ projectId: d.projectId, reason: d.reason }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectCancelled: {
    kind: 'cancelled',
    contract: PAYLOAD_SCHEMAS_V1.ProjectCancelled,
    toV1: (d) => ({ projectId: d.projectId, reason: d.reason }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectExtended: {
    kind: 'extended',
    contract: PAYLOAD_SCHEMAS_V1.ProjectExtended,
    toV1: (d) => ({
      projectId: d.projectId,
      previousPlannedEnd: d.previousPlannedEnd,
      plannedEnd: d.plannedEnd,
      reason: d.reason,
    }),
    effectiveDate: { from: 'recorded' },
  },
  ProjectRecordCorrected: {
    kind: 'record-corrected',
    contract: PAYLOAD_SCHEMAS_V1.ProjectRecordCorrected,
    toV1: (d) => ({
      projectId: d.projectId,
      correctedEventId: d.correctedEventId,
      correctedRevision: d.correctedRevision,
      values: structuredClone(d.values),
      previous: structuredClone(d.previous),
      reason: d.reason,
      approvedBy: d.approvedBy,
    }),
    effectiveDate: { from: 'corrected' },
  },
} as const satisfies { [T in ProjectEventType]: EventSpec<T> };

type Table = typeof PROJECT_EVENT_TABLE;
export type EventKind = Table[ProjectEventType]['kind'];

/** The CloudEvents envelope of each event type, V1. */
export type ProjectIntegrationEvent = {
  [T in ProjectEventType]: CloudEvent<`org.projectledger.project.${Table[T]['kind']}.v1`, PayloadsV1[T]>;
}[ProjectEventType];
export type IntegrationEventType = ProjectIntegrationEvent['type'];

/** The table's entry for a type, typed for any type (the table itself is typed entry by entry). */
export const eventSpecOf = <T extends ProjectEventType>(type: T): EventSpec<T> =>
  PROJECT_EVENT_TABLE[type] as unknown as EventSpec<T>;
