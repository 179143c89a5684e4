import type { RunningLedger } from '../../support/standalone-harness';
import { mongoliaProject } from '../../support/mongolia';

/** The README walk-through: Mongolia created at USD 180,000, started, revised to 200,000, completed. */
export async function recordCompletedMongolia(ledger: RunningLedger): Promise<void> {
  const steps: [string, unknown][] = [
    ['/projects', { ...mongoliaProject, budget: { amount: '180000.00', currency: 'USD' } }],
    ['/projects/TC.0789/start', { actualStart: '2014-03' }],
    [
      '/projects/TC.0789/budget-revisions',
      { amount: '200000.00', currency: 'USD', reason: 'additional-funding', effectiveDate: '2015-01-15' },
    ],
    ['/projects/TC.0789/complete', { actualEnd: '2016-12' }],
  ];
  for (const [path, body] of steps) {
    const response = await ledger.call('POST', path, { role: 'publisher', body });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
}

/** A regional project in three member states, still planned, with a mid-year span. */
export const balkanProject = {
  projectId: 'RE.0101',
  primaId: null,
  title: 'Regional border management dialogue',
  projectType: 'TCMMBM',
  coverage: 'regional',
  region: 'Europe',
  fundingYear: 2019,
  plannedStart: '2019-07-15',
  plannedEnd: '2021-03',
  budget: { amount: '1000000.01', currency: 'EUR' },
  benefitingMemberStates: ['RS', 'BA', 'ME'],
};
