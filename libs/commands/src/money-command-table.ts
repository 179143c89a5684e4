import type { ProfileCommand, ProjectCommandData, TransactionCommand, Validated } from '@ledger/domain';
import { COMMAND_DOCS } from './command-docs';
import type { CommandSpec } from './command-table';

type MoneyCommandType = (ProfileCommand | TransactionCommand)['type'];
type ParserOf = <T extends MoneyCommandType>(
  type: T,
) => (projectId: string | null, body: unknown) => Validated<ProjectCommandData<T>>;

/**
 * The command table's entries for participating organisations, sectors, locations and transactions (issue
 * 13). A path parameter below the project (`:orgId`, `:ref`) reaches the command in its body: the HTTP
 * transport copies it there, and an AMQP message carries it in `body` itself.
 */
export const moneyCommands = (parserOf: ParserOf): { readonly [T in MoneyCommandType]: CommandSpec<T> } => ({
  AddParticipatingOrg: {
    http: { path: ':id/participating-orgs', status: 200, tag: 'commands' },
    amqp: 'project.add-participating-org',
    role: 'publisher',
    parse: parserOf('AddParticipatingOrg'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.ORG_DUPLICATE'],
    docs: COMMAND_DOCS.AddParticipatingOrg,
  },
  ChangeParticipatingOrg: {
    http: { path: ':id/participating-orgs/:orgId', status: 200, tag: 'commands' },
    amqp: 'project.change-participating-org',
    role: 'publisher',
    parse: parserOf('ChangeParticipatingOrg'),
    conflicts: [
      'PROJECT.TERMINAL',
      'PROJECT.ORG_NOT_FOUND',
      'PROJECT.ORG_UNCHANGED',
      'PROJECT.ORG_DUPLICATE',
    ],
    docs: COMMAND_DOCS.ChangeParticipatingOrg,
  },
  RemoveParticipatingOrg: {
    http: { path: ':id/participating-orgs/:orgId/removal', status: 200, tag: 'commands' },
    amqp: 'project.remove-participating-org',
    role: 'publisher',
    parse: parserOf('RemoveParticipatingOrg'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.ORG_NOT_FOUND'],
    docs: COMMAND_DOCS.RemoveParticipatingOrg,
  },
  ChangeProjectSectors: {
    http: { path: ':id/sectors', status: 200, tag: 'commands' },
    amqp: 'project.change-sectors',
    role: 'publisher',
    parse: parserOf('ChangeProjectSectors'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    docs: COMMAND_DOCS.ChangeProjectSectors,
  },
  ChangeHumanitarianFlag: {
    http: { path: ':id/humanitarian', status: 200, tag: 'commands' },
    amqp: 'project.change-humanitarian-flag',
    role: 'publisher',
    parse: parserOf('ChangeHumanitarianFlag'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    docs: COMMAND_DOCS.ChangeHumanitarianFlag,
  },
  ChangeProjectLocations: {
    http: { path: ':id/locations', status: 200, tag: 'commands' },
    amqp: 'project.change-locations',
    role: 'publisher',
    parse: parserOf('ChangeProjectLocations'),
    conflicts: ['PROJECT.TERMINAL', 'PROJECT.PROFILE_UNCHANGED'],
    docs: COMMAND_DOCS.ChangeProjectLocations,
  },
  RecordTransaction: {
    http: { path: ':id/transactions', status: 200, tag: 'commands' },
    amqp: 'project.record-transaction',
    role: 'publisher',
    parse: parserOf('RecordTransaction'),
    conflicts: [
      'PROJECT.TRANSACTION_REF_TAKEN',
      'PROJECT.TRANSACTION_IN_FUTURE',
      'PROJECT.CLOSING_WINDOW_PASSED',
    ],
    docs: COMMAND_DOCS.RecordTransaction,
  },
  ReverseTransaction: {
    http: { path: ':id/transactions/:ref/reversal', status: 200, tag: 'commands' },
    amqp: 'project.reverse-transaction',
    role: 'publisher',
    parse: parserOf('ReverseTransaction'),
    conflicts: [
      'PROJECT.TRANSACTION_NOT_FOUND',
      'PROJECT.TRANSACTION_ALREADY_REVERSED',
      'PROJECT.REVERSAL_BEFORE_TRANSACTION',
      'PROJECT.TRANSACTION_IN_FUTURE',
      'PROJECT.CLOSING_WINDOW_PASSED',
    ],
    docs: COMMAND_DOCS.ReverseTransaction,
  },
});
