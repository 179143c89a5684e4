import { ProjectSnapshot, comparePartialDates, foldProject, toProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { AsOf } from './as-of.query';
import { effectiveDates, recordedDateOf } from './effective-date';

export interface AsOfState {
  /** Last revision folded in, with the state after it. */
  revision: number;
  /** Revisions that were applied (in stream order; on the effective timeline some may be skipped). */
  appliedRevisions: number[];
  state: ProjectSnapshot;
}

/** True when an event recorded at `recordedAt` was known at `asOf` (an instant, or the end of a partial date). */
function recordedBy(event: RecordedEvent, asOf: string): boolean {
  const at = event.metadata.recordedAt;
  if (typeof at !== 'string') return false;
  if (asOf.includes('T')) return Date.parse(at) <= Date.parse(asOf);
  const day = recordedDateOf(event);
  return day !== null && comparePartialDates(day, asOf) <= 0;
}

/**
 * Which events of a stream count for the question, in stream order. Partial dates compare at the precision
 * both have (domain rule): an event dated 2014-03 counts on 2014-03-01, and a question for 2015 means
 * "by the end of 2015".
 */
export function selectEvents(events: readonly RecordedEvent[], asOf: AsOf): RecordedEvent[] {
  switch (asOf.kind) {
    case 'revision':
      return events.filter((e) => e.revision <= asOf.value);
    case 'recordedAt':
      return events.filter((e) => recordedBy(e, asOf.value));
    case 'effectiveDate': {
      const dates = effectiveDates(events);
      return events.filter((e) => {
        const date = dates.get(e.revision);
        return typeof date === 'string' && comparePartialDates(date, asOf.value) <= 0;
      });
    }
    default: {
      const unknown: never = asOf;
      throw new Error(`Unknown as-of ${JSON.stringify(unknown)}`);
    }
  }
}

/** The project's state for the question, or null when it did not exist yet on that timeline. */
export function foldAsOf(events: readonly RecordedEvent[], asOf: AsOf): AsOfState | null {
  const selected = selectEvents(events, asOf);
  if (selected.length === 0 || selected[0].type !== 'ProjectCreated') return null;
  const state = foldProject(selected.map(toProjectEvent));
  if (state.status === 'none') return null;
  return {
    revision: selected[selected.length - 1].revision,
    appliedRevisions: selected.map((e) => e.revision),
    state,
  };
}
