import { comparePartialDates, utcDateOf } from '@ledger/domain';
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

/** The date an event carries itself: actualStart, actualEnd, a budget revision's effectiveDate. */
function ownEffectiveDate(event: RecordedEvent): string | null {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'ProjectStarted':
      return typeof d.actualStart === 'string' ? d.actualStart : null;
    case 'ProjectCompleted':
      return typeof d.actualEnd === 'string' ? d.actualEnd : null;
    case 'ProjectBudgetRevised':
      return typeof d.effectiveDate === 'string' ? d.effectiveDate : null;
    default:
      return null;
  }
}

/**
 * Effective date (a partial date) of each event of one stream, by revision:
 * - ProjectStarted / ProjectCompleted / ProjectBudgetRevised: their actualStart / actualEnd / effectiveDate;
 * - ProjectCreated: the earliest of its recorded date, its plannedStart and every other event's effective
 *   date, because a project entered after the fact still existed on the dates its own history names;
 * - ProjectRecordCorrected: the effective date of the event it corrects (a correction says what was true
 *   all along); a corrected actualStart / actualEnd also moves the date of the start / completion itself;
 * - every other event: the UTC date it was recorded on.
 */
export function effectiveDates(events: readonly RecordedEvent[]): Map<number, string | null> {
  const corrected = correctedDates(events);
  const dates = new Map<number, string | null>();
  for (const event of events) {
    if (event.type === 'ProjectCreated' || event.type === 'ProjectRecordCorrected') continue;
    dates.set(
      event.revision,
      corrected.get(event.revision) ?? ownEffectiveDate(event) ?? recordedDateOf(event),
    );
  }
  const created = events.find((e) => e.type === 'ProjectCreated');
  if (created) {
    const plannedStart = (created.data as { plannedStart?: string }).plannedStart;
    dates.set(created.revision, earliest([recordedDateOf(created), plannedStart, ...dates.values()]));
  }
  for (const event of events) {
    if (event.type !== 'ProjectRecordCorrected') continue;
    const target = (event.data as { correctedRevision?: number }).correctedRevision;
    dates.set(
      event.revision,
      (target !== undefined ? dates.get(target) : undefined) ?? recordedDateOf(event),
    );
  }
  return dates;
}

/** Start and completion dates as corrected later: the corrected date is when the start or end was true. */
function correctedDates(events: readonly RecordedEvent[]): Map<number, string> {
  const byRevision = new Map(events.map((e) => [e.revision, e]));
  const out = new Map<number, string>();
  for (const event of events) {
    if (event.type !== 'ProjectRecordCorrected') continue;
    const { correctedRevision, values } = event.data as {
      correctedRevision?: number;
      values?: Record<string, unknown>;
    };
    const target = correctedRevision === undefined ? undefined : byRevision.get(correctedRevision);
    const field =
      target?.type === 'ProjectStarted'
        ? 'actualStart'
        : target?.type === 'ProjectCompleted'
          ? 'actualEnd'
          : null;
    const value = field ? values?.[field] : undefined;
    if (target && typeof value === 'string') out.set(target.revision, value);
  }
  return out;
}
