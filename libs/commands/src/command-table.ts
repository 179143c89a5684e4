import {
  MONGOLIA_CREATE_BODY,
  type ProjectCommandData,
  type ProjectCommandType,
  type Validated,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Role } from '@ledger/platform';
import type { CommandRefusal, CommandRefusalCode } from './command-outcome';
import { correctionTargetRefusal } from './correction-target';
import { entry } from './command-entry';
import { moneyCommands } from './money-command-table';

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
  /** The Prima ID the command gives its project, if any: no other project may hold it (409 PRIMA_ID_TAKEN). */
  claimsPrimaId?(data: ProjectCommandData<T>): string | null;
  /** 409 codes it can meet besides PROJECT.CONCURRENCY_CONFLICT (documented per route). */
  conflicts: readonly CommandRefusalCode[];
  /** What the API document adds to the generated body schema: a summary and an example body. */
  docs: { summary: string; example: Record<string, unknown> };
}

type CommandTable = { readonly [T in ProjectCommandType]: CommandSpec<T> };

/**
 * The one table of commands. A command type missing here fails to compile; HTTP routes, AMQP handlers,
 * OpenAPI operations and the role matrix are all built from it. Order is the order of the documentation.
 */
export const PROJECT_COMMANDS: CommandTable = {
  CreateProject: entry('CreateProject', {
    path: '',
    http: { status: 201 },
    amqp: 'project.create',
    claimsPrimaId: (data) => data.primaId,
    conflicts: ['PROJECT.ALREADY_EXISTS', 'PROJECT.PRIMA_ID_TAKEN'],
    summary: 'Create a project (its first approved budget is revision 0 of the budget)',
    example: MONGOLIA_CREATE_BODY,
  }),
  StartProject: entry('StartProject', {
    path: ':id/start',
    amqp: 'project.start',
    conflicts: ['PROJECT.NOT_PLANNED', 'PROJECT.TERMINAL', 'PROJECT.START_IN_FUTURE'],
    summary: 'Start a planned project',
    example: { actualStart: '2014-03' },
  }),
  CompleteProject: entry('CompleteProject', {
    path: ':id/complete',
    amqp: 'project.complete',
    conflicts: [
      'PROJECT.NOT_ACTIVE',
      'PROJECT.TERMINAL',
      'PROJECT.END_BEFORE_START',
      'PROJECT.END_IN_FUTURE',
    ],
    summary: 'Complete an active project',
    example: { actualEnd: '2016-12' },
  }),
  SuspendProject: entry('SuspendProject', {
    path: ':id/suspend',
    amqp: 'project.suspend',
    conflicts: ['PROJECT.NOT_ACTIVE', 'PROJECT.TERMINAL'],
    summary: 'Suspend an active project',
    example: { reason: 'Border crossings closed' },
  }),
  ResumeProject: entry('ResumeProject', {
    path: ':id/resume',
    amqp: 'project.resume',
    conflicts: ['PROJECT.NOT_SUSPENDED', 'PROJECT.TERMINAL'],
    summary: 'Resume a suspended project',
    example: { reason: 'Border crossings reopened' },
  }),
  CancelProject: entry('CancelProject', {
    path: ':id/cancel',
    amqp: 'project.cancel',
    conflicts: ['PROJECT.TERMINAL'],
    summary: 'Cancel a project (terminal)',
    example: { reason: 'Donor withdrew funding' },
  }),
  ExtendProject: entry('ExtendProject', {
    path: ':id/extend',
    amqp: 'project.extend',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.EXTENSION_NOT_LATER'],
    summary: 'Move the planned end later',
    example: { plannedEnd: '2017', reason: 'Delays at the border posts' },
  }),
  ReviseProjectBudget: entry('ReviseProjectBudget', {
    path: ':id/budget-revisions',
    amqp: 'project.revise-budget',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.CURRENCY_MISMATCH', 'PROJECT.BUDGET_UNCHANGED'],
    summary: 'Revise the budget of a planned, active or suspended project',
    example: {
      amount: '200000.00',
      currency: 'USD',
      reason: 'additional-funding',
      effectiveDate: '2015-01-15',
      note: 'Second donor tranche',
    },
  }),
  CorrectProjectRecord: entry('CorrectProjectRecord', {
    // An admin sends the correction an auditor approved (named in `approver`), so no single key both
    // approves and applies a change to history.
    path: ':id/corrections',
    http: { tag: 'audit' },
    amqp: null,
    role: 'admin',
    checkStream: correctionTargetRefusal,
    claimsPrimaId: (data) => data.values.primaId ?? null,
    conflicts: [
      'PROJECT.CORRECTION_UNCHANGED',
      'PROJECT.CORRECTION_INVALID',
      'CORRECTION.TARGET_MISMATCH',
      'PROJECT.PRIMA_ID_TAKEN',
    ],
    summary: "Correct facts an event recorded wrongly, on an auditor's approval (role admin; docs/audit.md)",
    example: {
      eventId: '6f1c2a8e-3b5d-5e7f-9a1b-2c3d4e5f6a7b',
      revision: 0,
      values: { primaId: 'MN10P0001' },
      reason: 'Prima ID mistyped at import',
      approver: 'auditor@example.org',
    },
  }),
  ...moneyCommands,
};

export const PROJECT_COMMAND_TYPES = Object.keys(PROJECT_COMMANDS) as ProjectCommandType[];

/** The command table entry of a type, typed for that command. */
export const commandSpec = <T extends ProjectCommandType>(type: T): CommandSpec<T> =>
  PROJECT_COMMANDS[type] as unknown as CommandSpec<T>;
