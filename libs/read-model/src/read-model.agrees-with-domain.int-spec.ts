import { emptyProfile, profileOf, type ProjectProfile } from '@ledger/domain';
import fc from 'fast-check';
import {
  decide,
  evolve,
  initialState,
  projectStreamId,
  type ProjectCommand,
  type ProjectState,
} from '@ledger/domain';
import { historyWithProfileArb } from '@ledger/domain/testing/project.arbitraries';
import type { RecordedEvent } from '@ledger/event-store';
import { PROJECTS_SUBSCRIPTION } from './read-model.port';
import { postgresFixture, sqliteFixture } from './testing/read-model.factories';

interface Project {
  id: string;
  state: ProjectState;
  revision: number;
}

/**
 * Several projects' random histories (decide + evolve, as the command path runs them), interleaved into
 * one log. Returns the log and each project's state by evolve.
 */
function histories(perProject: ProjectCommand[][]): { log: RecordedEvent[]; projects: Project[] } {
  const projects = perProject.map((_, i) => ({ id: `P-${i + 1}`, state: initialState, revision: -1 }));
  const queues = perProject.map((commands, i) =>
    commands.map((c) => ({ ...c, data: { ...c.data, projectId: projects[i].id } }) as ProjectCommand),
  );
  const log: RecordedEvent[] = [];
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    queues.forEach((queue, i) => {
      const command = queue[round];
      const project = projects[i];
      if (!command) return;
      const decision = decide(command, project.state);
      if (!decision.ok) return;
      for (const event of decision.events) {
        project.state = evolve(project.state, event);
        project.revision += 1;
        log.push({
          eventId: `00000000-0000-4000-8000-${String(log.length).padStart(12, '0')}`,
          type: event.type,
          data: event.data,
          metadata: { recordedAt: command.now, schemaVersion: 1 },
          streamId: projectStreamId(project.id),
          revision: project.revision,
          position: log.length + 1,
        });
      }
    });
  }
  return { log, projects };
}

// orgSequence only numbers new organisations' ids inside the aggregate; it is no read-side fact. The profile
// is compared as the view's `profile`; transactions have their own table (the money contract suite).
const HELD_ELSEWHERE = new Set([...Object.keys(emptyProfile()), 'transactions', 'orgSequence']);

/** The read model, projected from the log by the store itself, serves the state the domain folds. */
describe.each([
  ['SQLite', sqliteFixture, 25],
  ['PostgreSQL', postgresFixture, 10],
])('the %s read model agrees with the domain', (_name, factory, numRuns) => {
  it('on every project of random interleaved histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(historyWithProfileArb, { minLength: 1, maxLength: 3 }),
        async (perProject) => {
          const { log, projects } = histories(perProject);
          const fixture = await factory();
          const model = await fixture.open();
          try {
            if (log.length > 0) await model.applyBatch(PROJECTS_SUBSCRIPTION, log);
            expect(await model.listParked()).toEqual([]);
            for (const { id, state, revision } of projects) {
              const { data: view } = await model.getProject(id);
              if (state.status === 'none') {
                expect(view).toBeNull();
                continue;
              }
              const rowState = Object.fromEntries(
                Object.entries(state).filter(([key]) => !HELD_ELSEWHERE.has(key)),
              );
              const served = Object.fromEntries(
                Object.keys(rowState).map((key) => [key, (view as unknown as Record<string, unknown>)[key]]),
              );
              expect(served).toEqual(rowState);
              expect(view!.profile).toEqual(profileOf(state as unknown as ProjectProfile));
              expect(view!.revision).toBe(revision);
            }
          } finally {
            await model.close();
            await fixture.cleanup();
          }
        },
      ),
      // Shrinking would open a database per step: report the first failing history as it is.
      { numRuns, endOnFailure: true },
    );
  }, 120_000);
});
