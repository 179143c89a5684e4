import { mongoliaProject } from '../../support/mongolia';
import type { RunningLedger } from '../../support/standalone-harness';

async function send(ledger: RunningLedger, path: string, body: unknown): Promise<void> {
  const response = await ledger.call('POST', path, { role: 'publisher', body });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** A project like TC.0789 elsewhere in the world, for lists, filters and charts. */
export const otherProject = (projectId: string, region: string, memberState: string, amount: string) => ({
  ...mongoliaProject,
  projectId,
  primaId: undefined,
  title: `Border management capacity building in ${memberState}`,
  region,
  fundingYear: 2015,
  plannedStart: '2015',
  plannedEnd: '2017',
  budget: { amount, currency: 'USD' },
  benefitingMemberStates: [memberState],
});

/** The README walk-through (TC.0789 created at USD 180,000.00, started, revised, completed) and four more. */
export async function seedMongolia(ledger: RunningLedger): Promise<void> {
  await send(ledger, '/projects', { ...mongoliaProject, budget: { amount: '180000.00', currency: 'USD' } });
  await send(ledger, '/projects/TC.0789/start', { actualStart: '2014-03' });
  await send(ledger, '/projects/TC.0789/budget-revisions', {
    amount: '200000.00',
    currency: 'USD',
    reason: 'additional-funding',
    effectiveDate: '2015-01-15',
    note: 'Second donor tranche',
  });
  await send(ledger, '/projects/TC.0789/complete', { actualEnd: '2016-12' });
  await send(ledger, '/projects', otherProject('TC.0801', 'Africa', 'Kenya', '350000.00'));
  await send(ledger, '/projects', otherProject('TC.0802', 'Europe', 'Serbia', '125000.50'));
  await send(ledger, '/projects/TC.0802/start', { actualStart: '2015-06' });
  await send(ledger, '/projects', otherProject('TC.0803', 'Asia and Oceania', 'Viet Nam', '95000.00'));
  await send(ledger, '/projects', otherProject('TC.0804', 'Europe', 'Albania', '60000.00'));
}

export { send };
