import type { ProjectCommandType } from '@ledger/domain';
import type { CommandInput } from '@ledger/commands';
import { problem, type ProblemException, type ProblemFieldError } from '@ledger/platform';
import type { Message } from 'amqplib';

const invalid = (errors: ProblemFieldError[]): ProblemException =>
  problem('VALIDATION.FAILED', 'The AMQP command message does not have the expected shape.', { errors });

const optionalString = (value: unknown, field: string, errors: ProblemFieldError[]): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.length > 0 && value.length <= 200) return value;
  errors.push({ field, code: 'INVALID_FORMAT', message: `${field} must be a non-empty string` });
  return undefined;
};

/** Turns a message's `data` into the command service's input (everything but the actor). */
export function parseAmqpCommand(
  type: ProjectCommandType,
  data: unknown,
  message?: Message,
): Omit<CommandInput, 'actor'> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid([{ field: '', code: 'INVALID_TYPE', message: 'data must be an object with a body' }]);
  }
  const d = data as Record<string, unknown>;
  const errors: ProblemFieldError[] = [];
  const known = new Set(['projectId', 'body', 'commandId', 'correlationId', 'expectedRevision']);
  for (const key of Object.keys(d)) {
    if (!known.has(key))
      errors.push({
        field: key,
        code: 'UNKNOWN_FIELD',
        message: `${key} is not a field of a command message`,
      });
  }
  if (!('body' in d)) errors.push({ field: 'body', code: 'REQUIRED', message: 'body is required' });
  const projectId = optionalString(d.projectId, 'projectId', errors);
  if (type !== 'CreateProject' && projectId === undefined && !errors.some((e) => e.field === 'projectId')) {
    errors.push({ field: 'projectId', code: 'REQUIRED', message: 'projectId is required' });
  }
  const commandId =
    optionalString(d.commandId, 'commandId', errors) ??
    optionalString(message?.properties.messageId, 'messageId', []);
  const correlationId = optionalString(d.correlationId, 'correlationId', errors);
  const expected = d.expectedRevision;
  if (expected !== undefined && (!Number.isInteger(expected) || (expected as number) < 0)) {
    errors.push({
      field: 'expectedRevision',
      code: 'INVALID_FORMAT',
      message: 'expectedRevision must be an integer >= 0',
    });
  }
  if (errors.length > 0) throw invalid(errors);
  return {
    type,
    projectId: type === 'CreateProject' ? null : projectId!,
    body: d.body,
    commandId,
    correlationId,
    expectedRevision: expected as number | undefined,
  };
}
