import { buildIatiActivitiesXml } from '@ledger/iati';

/** The documented example: the completed Mongolia project (README) as the export writes it. */
export const MONGOLIA_IATI_EXAMPLE = buildIatiActivitiesXml(
  [
    {
      project: {
        projectId: 'TC.0789',
        primaId: 'MN10P0001',
        title:
          'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
        description: 'Strengthens migration management policy and trains border officials in Mongolia.',
        projectType: 'TCMMCB',
        coverage: 'national',
        region: 'Asia and Oceania',
        fundingYear: 2014,
        plannedStart: '2014',
        plannedEnd: '2016',
        benefitingMemberStates: ['MN'],
        status: 'completed',
        initialBudget: { amount: '200000.00', currency: 'USD' },
        budget: { amount: '200000.00', currency: 'USD' },
        budgetRevisionCount: 0,
        actualStart: '2014-03',
        actualEnd: '2016-12',
        statusReason: null,
      },
      revisions: [],
      lastUpdated: '2016-12-20T10:00:00.000Z',
    },
  ],
  { reportingOrg: { ref: 'XM-DAC-47066', name: 'International Organization for Migration' }, generatedAt: '2017-01-01T00:00:00.000Z' },
);
