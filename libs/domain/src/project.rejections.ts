import type { Decision, Rejection, RejectionCode } from './project.decision';
import type { ProjectStatus } from './project.types';

export function reject(code: RejectionCode, message: string): Decision & { ok: false } {
  return { ok: false, rejection: { code, message } };
}

export function isRejection(decision: Decision): decision is { ok: false; rejection: Rejection } {
  return !decision.ok;
}

/** Human wording of a status inside a sentence: "is suspended", "is planned and has not started". */
export function describeStatus(status: ProjectStatus): string {
  switch (status) {
    case 'planned':
      return 'planned and has not started';
    case 'active':
      return 'active';
    case 'suspended':
      return 'suspended';
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    default: {
      const unknown: never = status;
      return String(unknown);
    }
  }
}
