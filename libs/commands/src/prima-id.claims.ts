import type { CommandOutcome } from './command-outcome';
import { KeyedSerializer } from './keyed-serializer';

/** Prima IDs remembered after their create was accepted; far more than the projector ever lags behind. */
const REMEMBERED = 100_000;

export const primaIdTaken = (primaId: string, holder: string): CommandOutcome => ({
  kind: 'rejected',
  code: 'PROJECT.PRIMA_ID_TAKEN',
  message: `Prima ID ${primaId} already belongs to project ${holder}; a Prima ID identifies one project.`,
});

/**
 * Prima ID uniqueness where one process writes the log (the embedded store: one instance per data
 * directory). Creates naming one Prima ID run one at a time, and a Prima ID this process accepted counts
 * at once, before the projector has applied it, so two simultaneous creates end as one 201 and one 409.
 * Projects created before this process started are found by the read-model check (`earlier`).
 * Stores shared by several processes use reservation streams instead (prima-id.reservation.ts).
 */
export class PrimaIdClaims {
  private readonly lanes = new KeyedSerializer();
  private readonly accepted = new Map<string, string>();

  run(
    primaId: string,
    projectId: string,
    earlier: () => Promise<CommandOutcome | null>,
    create: () => Promise<CommandOutcome>,
  ): Promise<CommandOutcome> {
    return this.lanes.run(primaId, async () => {
      const holder = this.accepted.get(primaId);
      if (holder !== undefined && holder !== projectId) return primaIdTaken(primaId, holder);
      const taken = await earlier();
      if (taken) return taken;
      const outcome = await create();
      if (outcome.kind === 'accepted') this.remember(primaId, projectId);
      return outcome;
    });
  }

  private remember(primaId: string, projectId: string): void {
    this.accepted.set(primaId, projectId);
    if (this.accepted.size > REMEMBERED) this.accepted.delete(this.accepted.keys().next().value!);
  }
}
