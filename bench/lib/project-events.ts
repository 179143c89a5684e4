import type { ProjectCreatedData, ProjectEvent } from '@ledger/domain';

const REGIONS = [
  'Asia and Oceania',
  'Africa',
  'Europe',
  'Latin America and the Caribbean',
  'Middle East and North Africa',
] as const;
const STATES = ['MN', 'KE', 'PE', 'MA', 'UA', 'VN', 'BO', 'SN'];

const cents = (value: number): string => (value / 100).toFixed(2);

/** The body of a CreateProject request, shaped like the Mongolia record, with its own id. */
export function createProjectBody(
  projectId: string,
  n: number,
): { projectId: string } & Record<string, unknown> {
  return {
    projectId,
    primaId: null,
    title: `Supporting migration management and training of border officials, project ${n}`,
    description: 'Strengthens migration management policy and trains border officials.',
    projectType: 'TCMMCB',
    coverage: 'national',
    region: REGIONS[n % REGIONS.length],
    fundingYear: 2014,
    plannedStart: '2014',
    plannedEnd: '2016',
    budget: { amount: '200000.00', currency: 'USD' },
    benefitingMemberStates: [STATES[n % STATES.length]],
  };
}

function created(projectId: string, n: number): ProjectCreatedData {
  return { ...(createProjectBody(projectId, n) as unknown as ProjectCreatedData), description: null };
}

/**
 * A valid life of one project with `length` events (≥ 3): created, started, budget revisions (and one
 * extension every 8), completed; with `open`, any length ≥ 1 and no completion. Exercises the projections the way real traffic would.
 */
export function projectLife(projectId: string, n: number, length: number, open = false): ProjectEvent[] {
  const events: ProjectEvent[] = [{ type: 'ProjectCreated', data: created(projectId, n) }];
  if (length === 1 && open) return events;
  events.push({ type: 'ProjectStarted', data: { projectId, actualStart: '2014-03-01' } });
  // An open project (still accepting commands) gets revisions up to its length instead of a completion.
  const last = open ? length : length - 1;
  let budget = 20_000_000;
  let plannedEnd = 2016;
  for (let i = 0; events.length < last; i++) {
    if (i % 8 === 7) {
      const next = plannedEnd + 1;
      events.push({
        type: 'ProjectExtended',
        data: {
          projectId,
          previousPlannedEnd: String(plannedEnd),
          plannedEnd: String(next),
          reason: 'extension',
        },
      });
      plannedEnd = next;
      continue;
    }
    const delta = (i % 3 === 2 ? -1 : 1) * (100_000 + (i % 7) * 1_000);
    const next = budget + delta;
    events.push({
      type: 'ProjectBudgetRevised',
      data: {
        projectId,
        previous: cents(budget),
        amount: cents(next),
        delta: cents(delta),
        currency: 'USD',
        reason: 'additional-funding',
        effectiveDate: '2015-01-01',
        note: null,
      },
    });
    budget = next;
  }
  if (!open) events.push({ type: 'ProjectCompleted', data: { projectId, actualEnd: String(plannedEnd) } });
  return events;
}

/** The id of the n-th project the scale scenario loads (its queries ask for random ones). */
export const scaleProjectId = (n: number) => `SCALE.${n}`;
