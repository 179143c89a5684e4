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

/** The funder of the money project, as the docs' money walk-through names it. */
export const FUNDER = {
  role: 'funding',
  name: 'Ministry of Foreign Affairs of Japan',
  ref: 'XM-DAC-701-2',
  type: '10',
  activityId: 'JP-2014-MN-01',
};

async function record(ledger: RunningLedger, path: string, body: unknown): Promise<number> {
  const response = await ledger.call('POST', path, { role: 'publisher', body });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { position: number }).position;
}

/**
 * TC.0810: a project with a funder, two DAC sectors (70 % and 30 %) and transactions of four types, one of
 * them reversed: spent comes to USD 75,000.35 of a 210,000.00 budget. Resolves once the read model has
 * applied all of it, so a page opened afterwards shows it.
 */
export async function seedMoneyProject(ledger: RunningLedger): Promise<void> {
  const P = '/projects/TC.0810';
  const funder = { name: FUNDER.name, ref: FUNDER.ref };
  const tx = (ref: string, type: string, amount: string, date: string, extra: object = {}) => ({
    ref,
    type,
    date,
    value: { amount, currency: 'USD' },
    ...extra,
  });
  await record(ledger, '/projects', {
    ...otherProject('TC.0810', 'Asia and Oceania', 'Mongolia', '210000.00'),
    title: 'Migration management with a funder and sectors',
    participatingOrgs: [FUNDER],
    sectors: [
      { vocabulary: '1', code: '15190', percentage: '70' },
      { vocabulary: '1', code: '15110', percentage: '30' },
    ],
    recipientCountries: [{ country: 'Mongolia' }],
  });
  await record(ledger, `${P}/start`, { actualStart: '2015-03' });
  await record(
    ledger,
    `${P}/transactions`,
    tx('IC-1', 'incoming-commitment', '200000.00', '2015-02-10', { provider: funder }),
  );
  await record(
    ledger,
    `${P}/transactions`,
    tx('IF-1', 'incoming-funds', '120000.00', '2015-03-05', { provider: funder }),
  );
  await record(
    ledger,
    `${P}/transactions`,
    tx('D-1', 'disbursement', '30000.10', '2015-06-30', {
      receiver: { name: 'Mongolian Immigration Agency' },
      description: 'First tranche to the implementing agency',
    }),
  );
  await record(ledger, `${P}/transactions`, tx('E-1', 'expenditure', '45000.25', '2015-09-30'));
  await record(ledger, `${P}/transactions`, tx('E-2', 'expenditure', '9999.99', '2015-10-01'));
  const last = await record(ledger, `${P}/transactions/E-2/reversal`, {
    reason: 'Booked twice',
    date: '2015-10-02',
  });
  const applied = await ledger.call('GET', `${P}/finances?minPosition=${last}`, { role: 'reader' });
  if (!applied.ok) throw new Error(`read model behind: ${applied.status} ${await applied.text()}`);
}

export { send };
