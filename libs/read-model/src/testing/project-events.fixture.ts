import { randomUUID } from 'node:crypto';
import {
  MONGOLIA_PROJECT,
  projectStreamId,
  type ProjectCreatedData,
  type ProjectEvent,
} from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';

/** The Mongolia record from the organisation's project pages. */
export const MONGOLIA: ProjectCreatedData = structuredClone(MONGOLIA_PROJECT) as ProjectCreatedData;

export function projectCreated(overrides: Partial<ProjectCreatedData> = {}): ProjectEvent {
  return { type: 'ProjectCreated', data: { ...MONGOLIA, ...overrides } };
}

export function budgetRevised(
  projectId: string,
  previous: string,
  amount: string,
  delta: string,
  currency = 'USD',
): ProjectEvent {
  return {
    type: 'ProjectBudgetRevised',
    data: {
      projectId,
      previous,
      amount,
      delta,
      currency,
      reason: 'additional-funding',
      effectiveDate: '2015-01-01',
      note: null,
    },
  };
}

/** Appends domain events to a project's stream as the command side would, with recordedAt metadata. */
export async function appendProjectEvents(
  store: EventStore,
  projectId: string,
  events: ProjectEvent[],
  recordedAt = '2026-01-01T00:00:00.000Z',
): Promise<number> {
  const result = await store.append(
    projectStreamId(projectId),
    events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: { actor: 'test', recordedAt },
    })),
    'any',
  );
  return result.position;
}

/** A recorded event as a store would deliver it, for pure projection specs. */
export function recorded(
  event: { type: string; data: unknown },
  revision: number,
  position: number,
  recordedAt = '2026-01-01T00:00:00.000Z',
): RecordedEvent {
  const projectId = (event.data as { projectId: string }).projectId;
  return {
    eventId: randomUUID(),
    ...event,
    metadata: { recordedAt },
    streamId: projectStreamId(projectId),
    revision,
    position,
  };
}
