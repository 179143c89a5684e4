import type { ProjectEvent } from '@ledger/domain';

/**
 * Integration events: the public payloads consumers receive in `data` of the CloudEvents envelope.
 * Version 1 carries the same fields as the domain events, but declared here so the wire contract is
 * owned by this library and a domain refactoring must be mapped explicitly in toIntegrationEvent.
 */
type DataOf<T extends ProjectEvent['type']> = Extract<ProjectEvent, { type: T }>['data'];

export type ProjectCreatedV1 = DataOf<'ProjectCreated'>;
export type ProjectStartedV1 = DataOf<'ProjectStarted'>;
export type ProjectCompletedV1 = DataOf<'ProjectCompleted'>;
export type ProjectBudgetRevisedV1 = DataOf<'ProjectBudgetRevised'>;
export type ProjectSuspendedV1 = DataOf<'ProjectSuspended'>;
export type ProjectResumedV1 = DataOf<'ProjectResumed'>;
export type ProjectCancelledV1 = DataOf<'ProjectCancelled'>;
export type ProjectExtendedV1 = DataOf<'ProjectExtended'>;
export type ProjectRecordCorrectedV1 = DataOf<'ProjectRecordCorrected'>;

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

export type ProjectIntegrationEvent =
  | CloudEvent<'org.projectledger.project.created.v1', ProjectCreatedV1>
  | CloudEvent<'org.projectledger.project.started.v1', ProjectStartedV1>
  | CloudEvent<'org.projectledger.project.completed.v1', ProjectCompletedV1>
  | CloudEvent<'org.projectledger.project.budget-revised.v1', ProjectBudgetRevisedV1>
  | CloudEvent<'org.projectledger.project.suspended.v1', ProjectSuspendedV1>
  | CloudEvent<'org.projectledger.project.resumed.v1', ProjectResumedV1>
  | CloudEvent<'org.projectledger.project.cancelled.v1', ProjectCancelledV1>
  | CloudEvent<'org.projectledger.project.extended.v1', ProjectExtendedV1>
  | CloudEvent<'org.projectledger.project.record-corrected.v1', ProjectRecordCorrectedV1>;

export type IntegrationEventType = ProjectIntegrationEvent['type'];
