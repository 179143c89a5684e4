import { MONGOLIA_PROJECT } from '@ledger/domain';
import { buildIatiActivitiesXml } from '@ledger/iati';

/** The documented example: the completed Mongolia project (README) as the export writes it. */
export const MONGOLIA_IATI_EXAMPLE = buildIatiActivitiesXml(
  [
    {
      project: {
        ...MONGOLIA_PROJECT,
        benefitingMemberStates: [...MONGOLIA_PROJECT.benefitingMemberStates],
        description: 'Strengthens migration management policy and trains border officials in Mongolia.',
        status: 'completed',
        initialBudget: { amount: '200000.00', currency: 'USD' },
        budget: { amount: '200000.00', currency: 'USD' },
        budgetRevisionCount: 0,
        actualStart: '2014-03',
        actualEnd: '2016-12',
        statusReason: null,
        orgSequence: 0,
        transactions: [],
      },
      revisions: [],
      lastUpdated: '2016-12-20T10:00:00.000Z',
    },
  ],
  {
    reportingOrg: { ref: 'XM-DAC-47066', name: 'International Organization for Migration' },
    generatedAt: '2017-01-01T00:00:00.000Z',
  },
);
