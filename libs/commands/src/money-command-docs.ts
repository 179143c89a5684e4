import type { ProfileCommand, TransactionCommand } from '@ledger/domain';

/*
 * Summaries and examples of the profile and money commands (issue 13). Their body schemas are generated
 * from the domain's zod schemas like every other command's; parseCommandInput stays the rule.
 */

const FUNDER_EXAMPLE = {
  role: 'funding',
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
};

export const MONEY_COMMAND_DOCS: Record<
  (ProfileCommand | TransactionCommand)['type'],
  { summary: string; example: Record<string, unknown> }
> = {
  AddParticipatingOrg: {
    summary: 'Add a participating organisation (the ledger gives it an orgId: org-1, org-2, ...)',
    example: FUNDER_EXAMPLE,
  },
  ChangeParticipatingOrg: {
    summary: 'Replace every field of a participating organisation',
    example: { ...FUNDER_EXAMPLE, activityId: 'JP-2014-MN-01' },
  },
  RemoveParticipatingOrg: {
    summary: 'Remove a participating organisation',
    example: { reason: 'Entered by mistake' },
  },
  ChangeProjectSectors: {
    summary: 'Replace the sector list',
    example: { sectors: [{ vocabulary: '1', code: '15190', percentage: '100' }] },
  },
  ChangeHumanitarianFlag: {
    summary: 'Set or clear the humanitarian flag',
    example: { humanitarian: true },
  },
  ChangeProjectLocations: {
    summary: 'Replace the recipient countries and sub-national locations',
    example: {
      recipientCountries: [{ country: 'MN', percentage: '100' }],
      locations: [{ name: 'Ulaanbaatar', point: { latitude: 47.9184, longitude: 106.9177 } }],
    },
  },
  RecordTransaction: {
    summary:
      'Record a financial transaction (not dated after today; after the end only within the closing window)',
    example: {
      ref: 'TX-2014-001',
      type: 'incoming-commitment',
      date: '2014-02-10',
      value: { amount: '200000.00', currency: 'USD' },
      provider: { name: 'Ministry of Foreign Affairs of Japan', ref: 'XM-DAC-701-2' },
    },
  },
  ReverseTransaction: {
    summary: 'Reverse a recorded transaction (nothing is edited: the reversal subtracts it)',
    example: { reason: 'Booked twice' },
  },
};
