import type { ProjectCommandType } from '@ledger/domain';
import type { Problem } from '@ledger/platform';

/** One message pattern per command, on the commands queue (`COMMAND_QUEUE`, default `projects.commands`). */
export const AMQP_COMMAND_PATTERNS = {
  'project.create': 'CreateProject',
  'project.start': 'StartProject',
  'project.complete': 'CompleteProject',
  'project.revise-budget': 'ReviseProjectBudget',
  'project.suspend': 'SuspendProject',
  'project.resume': 'ResumeProject',
  'project.cancel': 'CancelProject',
  'project.extend': 'ExtendProject',
} as const satisfies Record<string, ProjectCommandType>;

export type AmqpCommandPattern = keyof typeof AMQP_COMMAND_PATTERNS;

/**
 * The `data` of a command message (Nest RMQ wire format: `{"pattern": "project.start", "data": {...},
 * "id": "<uuid, only for request/response>"}`). There is no actor field: the channel's configured
 * actor (AMQP_COMMAND_ACTOR) is recorded, whatever the message says.
 */
export interface AmqpCommandMessage {
  /** Required except for project.create (whose body carries it). */
  projectId?: string;
  /** The same fields as the HTTP request body. */
  body: unknown;
  /** Same id ⇒ same command: a redelivered message writes nothing new. Defaults to the AMQP message_id. */
  commandId?: string;
  correlationId?: string;
  /** Like HTTP If-Match: the project's revision the sender last saw. */
  expectedRevision?: number;
}

export type AmqpCommandReply =
  { ok: true; projectId: string; revision: number; position: number } | { ok: false; problem: Problem };
