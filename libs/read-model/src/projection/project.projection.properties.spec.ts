import fc from 'fast-check';
import {
  decide,
  evolve,
  initialState,
  projectStreamId,
  type ProjectCommand,
  type ProjectState,
} from '@ledger/domain';
import { historyArb } from '@ledger/domain/testing/project.arbitraries';
import type { RecordedEvent } from '@ledger/event-store';
import type { ProjectsTable } from '../schema/read-model.tables';
import { projectEvent } from './project.projection';

/** Runs the commands as the command path does (decide, then evolve) and projects every accepted event. */
function run(commands: ProjectCommand[]): { state: ProjectState; row: ProjectsTable | null; events: number } {
  let state: ProjectState = initialState;
  let row: ProjectsTable | null = null;
  let revision = -1;
  for (const command of commands) {
    const decision = decide(command, state);
    if (!decision.ok) continue;
    for (const event of decision.events) {
      state = evolve(state, event);
      revision += 1;
      const recorded: RecordedEvent = {
        eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
        type: event.type,
        data: event.data,
        metadata: { recordedAt: command.now, schemaVersion: 1 },
        streamId: projectStreamId(event.data.projectId),
        revision,
        position: revision + 1,
      };
      row = projectEvent(row, recorded).after;
    }
  }
  return { state, row, events: revision + 1 };
}

/**
 * The read model keeps its own copy of the project's state (a row per project, built event by event), so
 * it must agree with the domain's evolve on every field both hold, whatever history the commands made.
 */
describe('the project projection agrees with the domain', () => {
  it('on status, budget, dates, reasons, descriptive fields and revision, for any history', () => {
    fc.assert(
      fc.property(historyArb, (commands) => {
        const { state, row, events } = run(commands);
        if (state.status === 'none') {
          expect(row).toBeNull();
          return;
        }
        expect(row).not.toBeNull();
        expect({
          status: row!.status,
          statusReason: row!.statusReason,
          budget: { amount: row!.budgetAmount, currency: row!.budgetCurrency },
          initialBudget: row!.initialBudgetAmount,
          budgetRevisionCount: row!.budgetRevisionCount,
          plannedStart: row!.plannedStart,
          plannedEnd: row!.plannedEnd,
          actualStart: row!.actualStart,
          actualEnd: row!.actualEnd,
          title: row!.title,
          description: row!.description,
          primaId: row!.primaId,
          projectType: row!.projectType,
          coverage: row!.coverage,
          region: row!.region,
          fundingYear: row!.fundingYear,
          memberStates: JSON.parse(row!.memberStates),
          revision: row!.revision,
        }).toEqual({
          status: state.status,
          statusReason: state.statusReason,
          budget: state.budget,
          initialBudget: state.initialBudget.amount,
          budgetRevisionCount: state.budgetRevisionCount,
          plannedStart: state.plannedStart,
          plannedEnd: state.plannedEnd,
          actualStart: state.actualStart,
          actualEnd: state.actualEnd,
          title: state.title,
          description: state.description,
          primaId: state.primaId,
          projectType: state.projectType,
          coverage: state.coverage,
          region: state.region,
          fundingYear: state.fundingYear,
          memberStates: state.benefitingMemberStates,
          revision: events - 1,
        });
      }),
      { numRuns: 300 },
    );
  });
});
