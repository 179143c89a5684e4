import type { ProjectEvent } from '@ledger/domain';

const projectId = 'TC.0790';
const funder = {
  role: 'funding' as const,
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
  activityId: 'JP-2014-MN-01',
};
const transaction = {
  projectId,
  ref: 'TX-1',
  type: 'incoming-commitment' as const,
  date: '2014-02-10',
  value: { amount: '200000.00', currency: 'USD' },
  valueDate: '2014-02-10',
  provider: { name: funder.name, ref: funder.ref, activityId: funder.activityId },
  receiver: { name: 'International Organization for Migration', ref: 'XM-DAC-47066', activityId: null },
  description: 'Grant agreement',
};

/** One event of each profile and money type, as the domain decides them (issue 13). */
export const MONEY_EVENTS: ProjectEvent[] = [
  { type: 'ParticipatingOrgAdded', data: { projectId, orgId: 'org-1', ...funder } },
  {
    type: 'ParticipatingOrgChanged',
    data: { projectId, orgId: 'org-1', ...funder, activityId: 'JP-2', previous: funder },
  },
  { type: 'ParticipatingOrgRemoved', data: { projectId, orgId: 'org-1', reason: null } },
  {
    type: 'ProjectSectorsChanged',
    data: {
      projectId,
      sectors: [
        { vocabulary: '1', code: '15190', percentage: '100', vocabularyUri: null },
        { vocabulary: '99', code: 'TCMMCB', percentage: '100', vocabularyUri: 'https://www.iom.int' },
      ],
    },
  },
  { type: 'HumanitarianFlagChanged', data: { projectId, humanitarian: true } },
  {
    type: 'ProjectLocationsChanged',
    data: {
      projectId,
      recipientCountries: [{ country: 'MN', percentage: '100' }],
      locations: [
        {
          name: 'Ulaanbaatar',
          ref: null,
          point: { latitude: 47.9184, longitude: 106.9177 },
          administrative: [{ vocabulary: 'A4', code: 'MN', level: 0 }],
        },
      ],
    },
  },
  { type: 'TransactionRecorded', data: transaction },
  {
    type: 'TransactionReversed',
    data: {
      projectId,
      ref: 'TX-1',
      type: transaction.type,
      value: transaction.value,
      date: '2014-03-01',
      reason: 'Twice',
    },
  },
];
