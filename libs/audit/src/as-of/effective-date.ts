import { eventSpecOf, type EffectiveDateRule } from '@ledger/contracts';
import {
  comparePartialDates,
  toProjectEvent,
  utcDateOf,
  type ProjectEvent,
  type ProjectEventType,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/** UTC calendar date an event was recorded on; null when the metadata has no recordedAt. */
export function recordedDateOf(event: RecordedEvent): string | null {
  const at = event.metadata.recordedAt;
  try {
    return typeof at === 'string' ? utcDateOf(at) : null;
  } catch {
    return null;
  }
}

const earliest = (dates: (string | null | undefined)[]): string | null =>
  dates
    .filter((d): d is string => typeof d === 'string')
    .reduce<string | null>(
      (a, b) =>
        a === null ||
        comparePartialDates(b, a) < 0 ||
        (comparePartialDates(b, a) === 0 && b.length < a.length)
          ? b
          : a,
      null,
    );

/** A date field of an event's data, when it holds a string. */
function dateField(data: unknown, field: string): string | null {
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/**
 * Effective date (a partial date) of each event of one stream, by revision, by the rule the event table
 * gives each event type (see EffectiveDateRule):
 * - `field` (ProjectStarted / ProjectCompleted / ProjectBudgetRevised): the date the event carries, or the
 *   value a later correction gave that field (a corrected actualStart also moves the start itself);
 * - `earliest` (ProjectCreated): the earliest of its recorded date, its plannedStart and every other
 *   event's effective date, because a project entered after the fact still existed on the dates its own
 *   history names;
 * - `corrected` (ProjectRecordCorrected): the effective date of the event it corrects;
 * - `recorded` (every other event): the UTC date it was recorded on.
 */
export function effectiveDates(events: readonly RecordedEvent[]): Map<number, string | null> {
  const read = events.map((recorded) => ({ recorded, event: toProjectEvent(recorded) }));
  const rule = ({ event }: (typeof read)[number]) =>
    eventSpecOf(event.type).effectiveDate as EffectiveDateRule<ProjectEventType>;
  const corrected = correctedDates(read.map((r) => ({ ...r, rule: rule(r) })));
  const dates = new Map<number, string | null>();
  for (const r of read) {
    const how = rule(r);
    if (how.from === 'earliest' || how.from === 'corrected') continue;
    const own = how.from === 'field' ? dateField(r.event.data, how.field) : null;
    dates.set(r.recorded.revision, corrected.get(r.recorded.revision) ?? own ?? recordedDateOf(r.recorded));
  }
  for (const r of read) {
    const how = rule(r);
    if (how.from !== 'earliest') continue;
    const own = dateField(r.event.data, how.field);
    dates.set(r.recorded.revision, earliest([recordedDateOf(r.recorded), own, ...dates.values()]));
  }
  for (const r of read) {
    if (rule(r).from !== 'corrected') continue;
    const { recorded } = r;
    const target = correction(r.event).correctedRevision;
    dates.set(
      recorded.revision,
      (target !== undefined ? dates.get(target) : undefined) ?? recordedDateOf(recorded),
    );
  }
  return dates;
}

/** What an event of rule `corrected` names: the revision it corrects and the values it gives. */
const correction = (event: ProjectEvent) =>
  event.data as { correctedRevision?: number; values?: Record<string, unknown> };

/** Dates carried by events (rule `field`) as corrected later: the corrected date is when it was true. */
function correctedDates(
  read: readonly {
    recorded: RecordedEvent;
    event: ProjectEvent;
    rule: EffectiveDateRule<ProjectEventType>;
  }[],
): Map<number, string> {
  const byRevision = new Map(read.map((r) => [r.recorded.revision, r]));
  const out = new Map<number, string>();
  for (const { event, rule } of read) {
    if (rule.from !== 'corrected') continue;
    const { correctedRevision, values } = correction(event);
    const target = correctedRevision === undefined ? undefined : byRevision.get(correctedRevision);
    if (target?.rule.from !== 'field') continue;
    const value = dateField(values ?? {}, target.rule.field);
    if (value !== null) out.set(target.recorded.revision, value);
  }
  return out;
}
