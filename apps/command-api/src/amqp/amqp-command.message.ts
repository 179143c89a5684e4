import type { ProjectCommandType } from '@ledger/domain';
import { PROJECT_COMMANDS, PROJECT_COMMAND_TYPES } from '@ledger/commands';
import type { Problem } from '@ledger/platform';

/**
 * Message pattern → command, from the command table: one pattern per command that has one, on the
 * commands queue (`COMMAND_QUEUE`, default `projects.commands`).
 */
export const AMQP_COMMAND_PATTERNS: ReadonlyMap<string, ProjectCommandType> = new Map(
  PROJECT_COMMAND_TYPES.flatMap((type) => {
    const pattern = PROJECT_COMMANDS[type].amqp;
    return pattern === null ? [] : [[pattern, type] as const];
  }),
);

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
