import { effectiveDates } from '../../../../libs/audit/src/as-of/effective-date';
import type { RecordedEvent } from '../../../../libs/event-store/src/event-store.port';
import { getJson, projectPath } from './api';

export interface HistoryEvent {
  eventId: string;
  type: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> & {
    actor?: string;
    correlationId?: string;
    commandId?: string;
    recordedAt?: string;
    hash?: string;
  };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  event: HistoryEvent;
  /** The date the event took effect (the ledger's rule, libs/audit), and the day it was recorded. */
  effectiveDate: string | null;
  /** Field-level difference between the project before and after this event. */
  changes: FieldChange[];
  state: Record<string, unknown>;
}

interface AsOfAnswer {
  revision: number;
  appliedRevisions: number[];
  state: Record<string, unknown>;
}

export const asOf = (id: string, query: string): Promise<AsOfAnswer> =>
  getJson<AsOfAnswer>(`${projectPath(id)}/as-of?${query}`);

/**
 * The project's history with a field-level diff per event. The state after each revision comes from the
 * ledger's own fold (as-of?revision=N), so the diff shows exactly what the domain derived — status
 * included — rather than a second interpretation of the events here. A few requests run at a time.
 */
export async function loadHistory(id: string): Promise<HistoryEntry[]> {
  const events = await getJson<HistoryEvent[]>(`${projectPath(id)}/events`);
  const states: Record<string, unknown>[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const index = next++;
      states[index] = (await asOf(id, `revision=${events[index].revision}`)).state;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const dates = effectiveDates(events as unknown as RecordedEvent[]);
  return events.map((event, i) => ({
    event,
    effectiveDate: dates.get(event.revision) ?? null,
    changes: diff(i === 0 ? {} : states[i - 1], states[i]),
    state: states[i],
  }));
}

export function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}
