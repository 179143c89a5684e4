import type { CorrectProjectRecord } from './project.commands';
import type { Decision } from './project.decision';
import type { CorrectableField } from './project.events';
import type { ProjectSnapshot } from './project.state';
import { comparePartialDates, utcDateOf } from './partial-date';
import { reject } from './project.rejections';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The rules a corrected record must still satisfy, checked on the record as it would be afterwards. */
function brokenRule(after: ProjectSnapshot, now: string): string | null {
  if (comparePartialDates(after.plannedStart, after.plannedEnd) > 0) {
    return `plannedEnd (${after.plannedEnd}) would be before plannedStart (${after.plannedStart})`;
  }
  const states = after.benefitingMemberStates.length;
  if (after.coverage === 'national' ? states !== 1 : after.coverage !== 'global' && states < 2) {
    return `${after.coverage} coverage does not fit ${states} benefiting member state(s)`;
  }
  if (after.actualStart && after.actualEnd && comparePartialDates(after.actualEnd, after.actualStart) < 0) {
    return `actualEnd (${after.actualEnd}) would be before actualStart (${after.actualStart})`;
  }
  const today = utcDateOf(now);
  for (const field of ['actualStart', 'actualEnd'] as const) {
    const value = after[field];
    if (value && comparePartialDates(value, today) > 0)
      return `${field} (${value}) would be after today (${today})`;
  }
  return null;
}

/**
 * A correction replaces facts the record got wrong. It must change something, may only set an actual date
 * the project already has, and must leave a record that passes the same rules as a new one.
 * Which event it names is checked by the caller against the stream (the domain sees state, not events).
 */
export function decideCorrection(command: CorrectProjectRecord, state: ProjectSnapshot): Decision {
  const { projectId, eventId, revision, values, reason, approver } = command.data;
  const fields = Object.keys(values) as CorrectableField[];
  for (const field of ['actualStart', 'actualEnd'] as const) {
    if (field in values && state[field] === null) {
      return reject(
        'PROJECT.CORRECTION_INVALID',
        `Project ${projectId} has no ${field} to correct; record it with its lifecycle command.`,
      );
    }
  }
  const changed = fields.filter((field) => !same(values[field], state[field]));
  if (changed.length === 0) {
    return reject(
      'PROJECT.CORRECTION_UNCHANGED',
      `Project ${projectId} already has these values; a correction must change something.`,
    );
  }
  const after = { ...state, ...values } as ProjectSnapshot;
  const broken = brokenRule(after, command.now);
  if (broken)
    return reject('PROJECT.CORRECTION_INVALID', `Project ${projectId} cannot be corrected: ${broken}.`);
  const previous = Object.fromEntries(fields.map((field) => [field, state[field]]));
  return {
    ok: true,
    events: [
      {
        type: 'ProjectRecordCorrected',
        data: {
          projectId,
          correctedEventId: eventId,
          correctedRevision: revision,
          values,
          previous,
          reason,
          approvedBy: approver,
        },
      },
    ],
  };
}
