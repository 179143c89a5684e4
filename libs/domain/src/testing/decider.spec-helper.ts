import { decide } from '../project.decide';
import type { ProjectCommand } from '../project.commands';
import type { RejectionCode } from '../project.decision';
import type { ProjectEvent } from '../project.events';
import { foldProject } from '../project.evolve';

/**
 * given(history).when(command).then(events) / .thenRejects(code): a decider specification in the
 * style of emmett's DeciderSpecification. Only for specs.
 */
export function given(history: ProjectEvent[]) {
  return {
    when(command: ProjectCommand) {
      const decision = decide(command, foldProject(history));
      return {
        then(expected: ProjectEvent[]): void {
          expect(decision).toEqual({ ok: true, events: expected });
        },
        /** Also checks the message names the project, so a human can tell which one was refused. */
        thenRejects(code: RejectionCode, messageMatches?: RegExp): void {
          expect(decision.ok ? decision.events : decision.rejection.code).toBe(code);
          if (decision.ok) return;
          expect(decision.rejection.message).toContain(command.data.projectId);
          if (messageMatches) expect(decision.rejection.message).toMatch(messageMatches);
        },
      };
    },
  };
}
