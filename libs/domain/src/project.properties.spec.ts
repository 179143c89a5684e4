import fc from 'fast-check';
import { addDecimal, formatAmount } from './money';
import type { ProjectEvent } from './project.events';
import { decide } from './project.decide';
import { evolve, foldProject, initialState } from './project.evolve';
import type { ProjectState } from './project.state';
import { commandSequenceArb } from './testing/project.arbitraries';

type Step = { before: ProjectState; after: ProjectState; events: ProjectEvent[]; rejected: string | null };

/** Runs commands through decide + evolve the way the command handler does, keeping every step. */
function run(commands: Parameters<typeof decide>[0][]): Step[] {
  let state: ProjectState = initialState;
  return commands.map((command) => {
    const before = state;
    const decision = decide(command, state);
    if (!decision.ok) return { before, after: state, events: [], rejected: decision.rejection.code };
    state = decision.events.reduce(evolve, state);
    return { before, after: state, events: decision.events, rejected: null };
  });
}

const ALLOWED_EDGES = new Set([
  'none>planned',
  'planned>active',
  'active>completed',
  'active>suspended',
  'suspended>active',
  'planned>cancelled',
  'active>cancelled',
  'suspended>cancelled',
]);

const PARAMS = { numRuns: 300 };

describe('properties of any command sequence', () => {
  it('keeps the current budget equal to the initial budget plus every delta, exactly', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        const steps = run(commands);
        const events = steps.flatMap((s) => s.events);
        const final = steps.length ? steps[steps.length - 1].after : initialState;
        if (final.status === 'none') return;
        const deltas = events.flatMap((e) => (e.type === 'ProjectBudgetRevised' ? [e.data.delta] : []));
        const sum = deltas.reduce(addDecimal, final.initialBudget.amount);
        expect(formatAmount(sum, 'USD')).toBe(final.budget.amount);
        expect(final.budgetRevisionCount).toBe(deltas.length);
      }),
      PARAMS,
    );
  });

  it('rejects every command once a project is completed or cancelled, and the state stays put', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        for (const step of run(commands)) {
          if (step.before.status === 'completed' || step.before.status === 'cancelled') {
            expect(step.rejected).toBe('PROJECT.TERMINAL');
            expect(step.after).toBe(step.before);
          }
        }
      }),
      PARAMS,
    );
  });

  it('keeps coverage consistent with the number of member states', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        for (const { after } of run(commands)) {
          if (after.status === 'none') continue;
          const n = after.benefitingMemberStates.length;
          const ok = { national: n === 1, regional: n >= 2, 'multi-national': n >= 2, global: true }[
            after.coverage
          ];
          expect([after.coverage, n, ok]).toEqual([after.coverage, n, true]);
        }
      }),
      PARAMS,
    );
  });

  it('moves status only along the lifecycle edges', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        for (const { before, after } of run(commands)) {
          if (before.status === after.status) continue;
          expect(ALLOWED_EDGES).toContain(`${before.status}>${after.status}`);
        }
      }),
      PARAMS,
    );
  });

  it('records a revision whose previous is the budget it replaced and whose delta is the exact difference', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        for (const { before, events } of run(commands)) {
          for (const e of events) {
            if (e.type !== 'ProjectBudgetRevised' || before.status === 'none') continue;
            expect(e.data.previous).toBe(before.budget.amount);
            expect(formatAmount(addDecimal(e.data.previous, e.data.delta), 'USD')).toBe(e.data.amount);
            expect(e.data.delta).not.toMatch(/^-?0(\.0+)?$/);
          }
        }
      }),
      PARAMS,
    );
  });

  it('rebuilds the same state from the recorded events alone', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        const steps = run(commands);
        const final = steps.length ? steps[steps.length - 1].after : initialState;
        expect(foldProject(steps.flatMap((s) => s.events))).toEqual(final);
      }),
      PARAMS,
    );
  });

  it('keeps actual dates ordered and not after the time they were recorded', () => {
    fc.assert(
      fc.property(commandSequenceArb, (commands) => {
        for (const step of run(commands)) {
          const after = step.after;
          if (after.status === 'none' || after.actualStart === null || after.actualEnd === null) continue;
          const common = Math.min(after.actualStart.length, after.actualEnd.length);
          expect(after.actualEnd.slice(0, common) >= after.actualStart.slice(0, common)).toBe(true);
        }
      }),
      PARAMS,
    );
  });
});
