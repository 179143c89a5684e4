import { CORRECTABLE_FIELDS, type CorrectableField, type ProjectCommandData } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { CommandRefusal } from './command-outcome';

const ACTUAL_DATES: readonly CorrectableField[] = ['actualStart', 'actualEnd'];

/** Which correctable facts each event type states: a correction may only fix what its target said. */
const FIELDS_STATED_BY: Readonly<Record<string, readonly CorrectableField[]>> = {
  ProjectCreated: CORRECTABLE_FIELDS.filter((field) => !ACTUAL_DATES.includes(field)),
  ProjectStarted: ['actualStart'],
  ProjectCompleted: ['actualEnd'],
  ProjectExtended: ['plannedEnd'],
  // A correction may itself have been wrong: correcting it may touch anything a correction can set.
  ProjectRecordCorrected: CORRECTABLE_FIELDS,
};

/** Why the named event cannot be the target of these field corrections, or null when it can. */
function targetProblem(
  stream: readonly RecordedEvent[],
  eventId: string,
  revision: number,
  fields: readonly string[],
): string | null {
  const target = stream.find((e) => e.revision === revision);
  if (!target || target.eventId !== eventId)
    return `No event ${eventId} at revision ${revision} in this project's history.`;
  const stated = FIELDS_STATED_BY[target.type] ?? [];
  const foreign = fields.filter((f) => !(stated as readonly string[]).includes(f));
  if (target.type === 'ProjectRecordCorrected') {
    const set = Object.keys((target.data as { values?: object }).values ?? {});
    foreign.push(...fields.filter((f) => !set.includes(f) && !foreign.includes(f)));
  }
  return foreign.length > 0
    ? `${target.type} at revision ${revision} does not state ${foreign.join(', ')}; name the event that recorded it.`
    : null;
}

/**
 * A correction names the event whose facts were wrong; the domain decides on state, so whether that event
 * exists and stated those fields is checked here, on the stream.
 */
export function correctionTargetRefusal(
  stream: readonly RecordedEvent[],
  data: ProjectCommandData<'CorrectProjectRecord'>,
): CommandRefusal | null {
  if (stream.length === 0)
    return {
      kind: 'not-found',
      projectId: data.projectId,
      message: `No project ${data.projectId} is recorded.`,
    };
  const problem = targetProblem(stream, data.eventId, data.revision, Object.keys(data.values));
  return problem ? { kind: 'rejected', code: 'CORRECTION.TARGET_MISMATCH', message: problem } : null;
}
