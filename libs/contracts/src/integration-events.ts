import type { BudgetReason, Coverage, Region } from '@ledger/domain';
import type { MoneyPayloadsV1 } from './integration-events.money';

export type * from './integration-events.money';

/**
 * Integration events: the public payloads consumers receive in `data` of the CloudEvents envelope.
 * Declared here, field by field, and not derived from the domain's types: a change to a domain event then
 * fails to compile in the event table's mapping instead of silently changing what consumers receive.
 * Policy lists (regions, coverages, budget reasons) are the domain's, since the contract publishes them.
 */

/** A date known to the year, month or day: `2014`, `2014-03` or `2014-03-01`. */
type PartialDateV1 = string;

export interface ProjectCreatedV1 {
  projectId: string;
  primaId: string | null;
  title: string;
  description: string | null;
  projectType: string;
  coverage: Coverage;
  region: Region;
  fundingYear: number;
  plannedStart: PartialDateV1;
  plannedEnd: PartialDateV1;
  /** Decimal string amount and ISO 4217 currency. */
  budget: { amount: string; currency: string };
  /** ISO 3166-1 alpha-2 codes. */
  benefitingMemberStates: string[];
}
export interface ProjectStartedV1 {
  projectId: string;
  actualStart: PartialDateV1;
}
export interface ProjectCompletedV1 {
  projectId: string;
  actualEnd: PartialDateV1;
}
export interface ProjectBudgetRevisedV1 {
  projectId: string;
  previous: string;
  amount: string;
  delta: string;
  currency: string;
  reason: BudgetReason;
  effectiveDate: string;
  note: string | null;
}
export interface ProjectSuspendedV1 {
  projectId: string;
  reason: string;
}
export interface ProjectResumedV1 {
  projectId: string;
  reason: string | null;
}
export interface ProjectCancelledV1 {
  projectId: string;
  reason: string;
}
export interface ProjectExtendedV1 {
  projectId: string;
  previousPlannedEnd: PartialDateV1;
  plannedEnd: PartialDateV1;
  reason: string;
}
/** The fields a correction may set (any subset, at least one). */
export interface CorrectedValuesV1 {
  title?: string;
  description?: string | null;
  primaId?: string | null;
  projectType?: string;
  fundingYear?: number;
  plannedStart?: PartialDateV1;
  plannedEnd?: PartialDateV1;
  region?: Region;
  coverage?: Coverage;
  benefitingMemberStates?: string[];
  actualStart?: PartialDateV1;
  actualEnd?: PartialDateV1;
}
export interface ProjectRecordCorrectedV1 {
  projectId: string;
  correctedEventId: string;
  correctedRevision: number;
  values: CorrectedValuesV1;
  previous: Record<string, unknown>;
  reason: string;
  approvedBy: string;
}

/**
 * The V1 payload of each domain event type; the event table maps one onto the other, and a domain event
 * type missing here fails to compile there.
 */
export interface PayloadsV1 extends MoneyPayloadsV1 {
  ProjectCreated: ProjectCreatedV1;
  ProjectStarted: ProjectStartedV1;
  ProjectCompleted: ProjectCompletedV1;
  ProjectBudgetRevised: ProjectBudgetRevisedV1;
  ProjectSuspended: ProjectSuspendedV1;
  ProjectResumed: ProjectResumedV1;
  ProjectCancelled: ProjectCancelledV1;
  ProjectExtended: ProjectExtendedV1;
  ProjectRecordCorrected: ProjectRecordCorrectedV1;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
export const DEFAULT_SOURCE = '/project-ledger';

/** CloudEvents 1.0 structured-mode envelope. */
export interface CloudEvent<TType extends string, TData> {
  specversion: '1.0';
  /** The event id in the event store: stable across redeliveries and replays, so consumers dedupe on it. */
  id: string;
  type: TType;
  source: string;
  /** Project id. */
  subject: string;
  /** When the event was recorded (ISO-8601 instant). */
  time: string;
  datacontenttype: 'application/json';
  data: TData;
}

export type { IntegrationEventType, ProjectIntegrationEvent } from './project-event.table';
