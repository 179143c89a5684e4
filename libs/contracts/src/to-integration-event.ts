import type { ProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { EVENT_KINDS, type EventKind } from './event-kinds';
import { DEFAULT_SOURCE, type ProjectIntegrationEvent } from './integration-events';

export class UnmappableEventError extends Error {
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super(`Event ${eventId} cannot be published: ${reason}`);
    this.name = 'UnmappableEventError';
  }
}

export interface ToIntegrationEventOptions {
  /** CloudEvents `source`; default `/project-ledger`. */
  source?: string;
}

/**
 * Maps one stored domain event to its public integration event. Field by field on purpose: a new domain
 * field stays private until someone decides to publish it (and bumps the version if it breaks consumers).
 */
export function toIntegrationEvent(
  recorded: RecordedEvent,
  options: ToIntegrationEventOptions = {},
): ProjectIntegrationEvent {
  const time = recorded.metadata.recordedAt;
  if (typeof time !== 'string')
    throw new UnmappableEventError(recorded.eventId, 'metadata.recordedAt is missing');
  const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
  const base = {
    specversion: '1.0' as const,
    id: recorded.eventId,
    source: options.source ?? DEFAULT_SOURCE,
    subject: (event.data as { projectId?: string } | null)?.projectId ?? '',
    time,
    datacontenttype: 'application/json' as const,
  };
  switch (event.type) {
    case 'ProjectCreated': {
      const d = event.data;
      return {
        ...base,
        type: 'org.projectledger.project.created.v1',
        data: {
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
        },
      };
    }
    case 'ProjectStarted':
      return {
        ...base,
        type: 'org.projectledger.project.started.v1',
        data: { projectId: event.data.projectId, actualStart: event.data.actualStart },
      };
    case 'ProjectCompleted':
      return {
        ...base,
        type: 'org.projectledger.project.completed.v1',
        data: { projectId: event.data.projectId, actualEnd: event.data.actualEnd },
      };
    case 'ProjectBudgetRevised': {
      const d = event.data;
      return {
        ...base,
        type: 'org.projectledger.project.budget-revised.v1',
        data: {
          projectId: d.projectId,
          previous: d.previous,
          amount: d.amount,
          delta: d.delta,
          currency: d.currency,
          reason: d.reason,
          effectiveDate: d.effectiveDate,
          note: d.note,
        },
      };
    }
    case 'ProjectSuspended':
      return {
        ...base,
        type: 'org.projectledger.project.suspended.v1',
        data: { projectId: event.data.projectId, reason: event.data.reason },
      };
    case 'ProjectResumed':
      return {
        ...base,
        type: 'org.projectledger.project.resumed.v1',
        data: { projectId: event.data.projectId, reason: event.data.reason },
      };
    case 'ProjectCancelled':
      return {
        ...base,
        type: 'org.projectledger.project.cancelled.v1',
        data: { projectId: event.data.projectId, reason: event.data.reason },
      };
    case 'ProjectExtended': {
      const d = event.data;
      return {
        ...base,
        type: 'org.projectledger.project.extended.v1',
        data: {
          projectId: d.projectId,
          previousPlannedEnd: d.previousPlannedEnd,
          plannedEnd: d.plannedEnd,
          reason: d.reason,
        },
      };
    }
    case 'ProjectRecordCorrected': {
      const d = event.data;
      return {
        ...base,
        type: 'org.projectledger.project.record-corrected.v1',
        data: {
          projectId: d.projectId,
          correctedEventId: d.correctedEventId,
          correctedRevision: d.correctedRevision,
          values: structuredClone(d.values),
          previous: structuredClone(d.previous),
          reason: d.reason,
          approvedBy: d.approvedBy,
        },
      };
    }
    default: {
      const unknown: never = event;
      throw new UnmappableEventError(
        recorded.eventId,
        `unknown event type ${(unknown as { type: string }).type}`,
      );
    }
  }
}

/** `org.projectledger.project.budget-revised.v1` -> `budget-revised`. */
export function kindOf(type: string): EventKind | null {
  const match = /^org\.projectledger\.project\.([a-z-]+)\.v\d+$/.exec(type);
  const kinds = Object.values(EVENT_KINDS) as string[];
  return match && kinds.includes(match[1]) ? (match[1] as EventKind) : null;
}
