import { randomUUID } from 'node:crypto';
import { projectStreamId, REGIONS, type ProjectEvent, type Region } from '@ledger/domain';
import type { EventStore, EventToAppend } from '@ledger/event-store';

const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

/**
 * A plausible project life of `length` events (created, started, then budget revisions, suspensions,
 * resumptions and extensions; completed when `complete`), for relay and consumer tests. Budget amounts
 * go up by 1000.00 per revision so consumers can check totals.
 */
export function projectLife(
  projectId: string,
  region: Region,
  length: number,
  complete = false,
): ProjectEvent[] {
  const events: ProjectEvent[] = [
    {
      type: 'ProjectCreated',
      data: {
        projectId,
        primaId: null,
        title: `Migration management project ${projectId}`,
        description: null,
        projectType: 'TCMMCB',
        coverage: 'national',
        region,
        fundingYear: 2014,
        plannedStart: '2014',
        plannedEnd: '2016',
        budget: { amount: '200000.00', currency: 'USD' },
        benefitingMemberStates: ['MN'],
        participatingOrgs: [],
        sectors: [],
        humanitarian: false,
        recipientCountries: [],
        locations: [],
      },
    },
  ];
  if (length > 1) events.push({ type: 'ProjectStarted', data: { projectId, actualStart: '2014-03' } });
  let amount = 200000;
  for (let i = events.length; i < length - (complete ? 1 : 0); i++) {
    if (i % 4 === 3) {
      events.push({ type: 'ProjectSuspended', data: { projectId, reason: 'security situation' } });
      events.push({ type: 'ProjectResumed', data: { projectId, reason: null } });
      i++;
    } else if (i % 7 === 6) {
      events.push({
        type: 'ProjectExtended',
        data: { projectId, previousPlannedEnd: `${2016 + i}`, plannedEnd: `${2017 + i}`, reason: 'delays' },
      });
    } else {
      events.push({
        type: 'ProjectBudgetRevised',
        data: {
          projectId,
          previous: `${amount}.00`,
          amount: `${amount + 1000}.00`,
          delta: '1000.00',
          currency: 'USD',
          reason: 'additional-funding',
          effectiveDate: '2015-01-01',
          note: null,
        },
      });
      amount += 1000;
    }
  }
  events.length = Math.min(events.length, length - (complete ? 1 : 0));
  if (complete) events.push({ type: 'ProjectCompleted', data: { projectId, actualEnd: '2016-12' } });
  return events;
}

export const toAppend = (events: ProjectEvent[], offset = 0): EventToAppend[] =>
  events.map((e, i) => ({
    eventId: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: {
      actor: 'test',
      correlationId: randomUUID(),
      schemaVersion: 1,
      recordedAt: at(offset + i),
    },
  }));

/** Appends `projects` project lives of `eventsPerProject` events each, regions round-robin. */
export async function seedProjects(
  store: EventStore,
  {
    projects,
    eventsPerProject,
    prefix = 'TC',
  }: { projects: number; eventsPerProject: number; prefix?: string },
): Promise<string[]> {
  const ids = Array.from({ length: projects }, (_, i) => `${prefix}.${String(i).padStart(5, '0')}`);
  await Promise.all(
    ids.map((id, i) =>
      store.append(
        projectStreamId(id),
        toAppend(projectLife(id, REGIONS[i % REGIONS.length], eventsPerProject), i),
        'no-stream',
      ),
    ),
  );
  return ids;
}
