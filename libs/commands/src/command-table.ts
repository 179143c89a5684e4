import {
  parseCommandInput,
  type ProjectCommandData,
  type ProjectCommandType,
  type Validated,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Role } from '@ledger/platform';
import type { CommandRefusal, CommandRefusalCode } from './command-outcome';
import { COMMAND_DOCS, type CommandDocs } from './command-docs';
import { correctionTargetRefusal } from './correction-target';

/** Everything the transports and the documentation need to know about one command, in one entry. */
export interface CommandSpec<T extends ProjectCommandType> {
  /** HTTP: `POST /projects/<path>`; `tag` groups it in the OpenAPI document (and the controller serving it). */
  http: { path: string; status: 200 | 201; tag: 'commands' | 'audit' };
  /** The AMQP message pattern on the command queue, or null when the command is HTTP-only. */
  amqp: string | null;
  /** The role a caller needs (admin may call everything anyway). */
  role: Role;
  /** Untrusted input → command data, or every field problem. */
  parse(projectId: string | null, body: unknown): Validated<ProjectCommandData<T>>;
  /** A check of the stream before deciding, for rules the domain cannot see from state alone. */
  checkStream?(stream: readonly RecordedEvent[], data: ProjectCommandData<T>): CommandRefusal | null;
  /** The read model must not already hold this Prima ID for another project. */
  uniquePrimaId?: boolean;
  /** 409 codes it can meet besides PROJECT.CONCURRENCY_CONFLICT (documented per route). */
  conflicts: readonly CommandRefusalCode[];
  docs: CommandDocs;
}

export type CommandTable = { readonly [T in ProjectCommandType]: CommandSpec<T> };

const parserOf =
  <T extends ProjectCommandType>(type: T) =>
  (projectId: string | null, body: unknown) =>
    parseCommandInput(type, projectId, body);

/**
 * The one table of commands. A command type missing here fails to compile; HTTP routes, AMQP handlers,
 * OpenAPI operations and the role matrix are all built from it. Order is the order of the documentation.
 */
export const PROJECT_COMMANDS: CommandTable = {
  CreateProject: {
    http: { path: '', status: 201, tag: 'commands' },
    amqp: 'project.create',
    role: 'publisher',
    parse: parserOf('CreateProject'),
    uniquePrimaId: true,
    conflicts: ['PROJECT.ALREADY_EXISTS', 'PROJECT.PRIMA_ID_TAKEN'],
    docs: COMMAND_DOCS.CreateProject,
  },
  StartProject: {
    http: { path: ':id/start', status: 200, tag: 'commands' },
    amqp: 'project.start',
    role: 'publisher',
    parse: parserOf('StartProject'),
    conflicts: ['PROJECT.NOT_PLANNED', 'PROJECT.TERMINAL', 'PROJECT.START_IN_FUTURE'],
    docs: COMMAND_DOCS.StartProject,
  },
  CompleteProject: {
    http: { path: ':id/complete', status: 200, tag: 'commands' },
    amqp: 'project.complete',
    role: 'publisher',
    parse: parserOf('CompleteProject'),
    conflicts: [
      'PROJECT.NOT_ACTIVE',
      'PROJECT.TERMINAL',
      'PROJECT.END_BEFORE_START',
      'PROJECT.END_IN_FUTURE',
    ],
    docs: COMMAND_DOCS.CompleteProject,
  },
  SuspendProject: {
    http: { path: ':id/suspend', status: 200, tag: 'commands' },
    amqp: 'project.suspend',
    role: 'publisher',
    parse: parserOf('SuspendProject'),
    conflicts: ['PROJECT.NOT_ACTIVE', 'PROJECT.TERMINAL'],
    docs: COMMAND_DOCS.SuspendProject,
  },
  ResumeProject: {
    http: { path: ':id/resume', status: 200, tag: 'commands' },
    amqp: 'project.resume',
    role: 'publisher',
    parse: parserOf('ResumeProject'),
    conflicts: ['PROJECT.NOT_SUSPENDED', 'PROJECT.TERMINAL'],
    docs: COMMAND_DOCS.ResumeProject,
  },
  CancelProject: {
    http: { path: ':id/cancel', status: 200, tag: 'commands' },
    amqp: 'project.cancel',
    role: 'publisher',
    parse: parserOf('CancelProject'),
    conflicts: ['PROJECT.TERMINAL'],
    docs: COMMAND_DOCS.CancelProject,
  },
  ExtendProject: {
    http: { path: ':id/extend', status: 200, tag: 'commands' },
    amqp: 'project.extend',
    role: 'publisher',
    parse: parserOf('ExtendProject'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.EXTENSION_NOT_LATER'],
    docs: COMMAND_DOCS.ExtendProject,
  },
  ReviseProjectBudget: {
    http: { path: ':id/budget-revisions', status: 200, tag: 'commands' },
    amqp: 'project.revise-budget',
    role: 'publisher',
    parse: parserOf('ReviseProjectBudget'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.CURRENCY_MISMATCH', 'PROJECT.BUDGET_UNCHANGED'],
    docs: COMMAND_DOCS.ReviseProjectBudget,
  },
  CorrectProjectRecord: {
    // An admin sends the correction an auditor approved (named in `approver`), so no single key both
    // approves and applies a change to history.
    http: { path: ':id/corrections', status: 200, tag: 'audit' },
    amqp: null,
    role: 'admin',
    parse: parserOf('CorrectProjectRecord'),
    checkStream: correctionTargetRefusal,
    conflicts: ['PROJECT.CORRECTION_UNCHANGED', 'PROJECT.CORRECTION_INVALID', 'CORRECTION.TARGET_MISMATCH'],
    docs: COMMAND_DOCS.CorrectProjectRecord,
  },
};

export const PROJECT_COMMAND_TYPES = Object.keys(PROJECT_COMMANDS) as ProjectCommandType[];

/** The command table entry of a type, typed for that command. */
export const commandSpec = <T extends ProjectCommandType>(type: T): CommandSpec<T> =>
  PROJECT_COMMANDS[type] as unknown as CommandSpec<T>;
