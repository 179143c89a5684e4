import type { ProfileCommand, TransactionCommand } from '@ledger/domain';
import { entry } from './command-entry';
import type { CommandSpec } from './command-table';
import { MONEY_COMMAND_DOCS as COMMAND_DOCS } from './money-command-docs';

type MoneyCommandType = (ProfileCommand | TransactionCommand)['type'];

/**
 * The command table's entries for participating organisations, sectors, locations and transactions (issue
 * 13). A path parameter below the project (`:orgId`, `:ref`) reaches the command in its body: the HTTP
 * transport copies it there, and an AMQP message carries it in `body` itself.
 */
export const moneyCommands: { readonly [T in MoneyCommandType]: CommandSpec<T> } = {
  AddParticipatingOrg: entry('AddParticipatingOrg', {
    path: ':id/participating-orgs',
    amqp: 'project.add-participating-org',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.ORG_DUPLICATE'],
    ...COMMAND_DOCS.AddParticipatingOrg,
  }),
  ChangeParticipatingOrg: entry('ChangeParticipatingOrg', {
    path: ':id/participating-orgs/:orgId',
    amqp: 'project.change-participating-org',
    conflicts: [
      'PROJECT.TERMINAL',
      'PROJECT.ORG_NOT_FOUND',
      'PROJECT.ORG_UNCHANGED',
      'PROJECT.ORG_DUPLICATE',
    ],
    ...COMMAND_DOCS.ChangeParticipatingOrg,
  }),
  RemoveParticipatingOrg: entry('RemoveParticipatingOrg', {
    path: ':id/participating-orgs/:orgId/removal',
    amqp: 'project.remove-participating-org',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.ORG_NOT_FOUND'],
    ...COMMAND_DOCS.RemoveParticipatingOrg,
  }),
  ChangeProjectSectors: entry('ChangeProjectSectors', {
    path: ':id/sectors',
    amqp: 'project.change-sectors',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    ...COMMAND_DOCS.ChangeProjectSectors,
  }),
  ChangeHumanitarianFlag: entry('ChangeHumanitarianFlag', {
    path: ':id/humanitarian',
    amqp: 'project.change-humanitarian-flag',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    ...COMMAND_DOCS.ChangeHumanitarianFlag,
  }),
  ChangeProjectLocations: entry('ChangeProjectLocations', {
    path: ':id/locations',
    amqp: 'project.change-locations',
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    ...COMMAND_DOCS.ChangeProjectLocations,
  }),
  RecordTransaction: entry('RecordTransaction', {
    path: ':id/transactions',
    amqp: 'project.record-transaction',
    conflicts: [
      'PROJECT.TRANSACTION_REF_TAKEN',
      'PROJECT.TRANSACTION_IN_FUTURE',
      'PROJECT.CLOSING_WINDOW_PASSED',
    ],
    ...COMMAND_DOCS.RecordTransaction,
  }),
  ReverseTransaction: entry('ReverseTransaction', {
    path: ':id/transactions/:ref/reversal',
    amqp: 'project.reverse-transaction',
    conflicts: [
      'PROJECT.TRANSACTION_NOT_FOUND',
      'PROJECT.TRANSACTION_ALREADY_REVERSED',
      'PROJECT.REVERSAL_BEFORE_TRANSACTION',
      'PROJECT.TRANSACTION_IN_FUTURE',
      'PROJECT.CLOSING_WINDOW_PASSED',
    ],
    ...COMMAND_DOCS.ReverseTransaction,
  }),
};
